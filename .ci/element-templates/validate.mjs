// Validates every element-templates/*.json (one template or an array of them) against the Camunda 7 element
// templates schema that Camunda Modeler applies; prints what is wrong and exits 1 when any template is invalid.
import { validateAll } from '@bpmn-io/element-templates-validator';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '../../element-templates';
let invalid = 0;
for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
  const parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const { results } = validateAll(Array.isArray(parsed) ? parsed : [ parsed ]);
  results.filter(r => !r.valid).forEach(r => {
    invalid++;
    console.log(`${file}: ${r.object.id ?? '(no id)'}`);
    r.errors.forEach(e => console.log(`  ${e.instancePath || '/'} ${e.message}`));
  });
}
if (invalid) {
  console.log(`${invalid} invalid element template(s)`);
  process.exit(1);
}
console.log(`element-templates: all valid`);
