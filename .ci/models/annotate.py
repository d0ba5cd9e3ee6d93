#!/usr/bin/env python3
"""Applies the element templates and the phases to the BPMN models, as text edits of attributes and extension
properties only (the rest of each file stays byte for byte), so it can be run again after the models were redrawn.

    python3 .ci/models/annotate.py                 # all of processes/*.bpmn
    python3 .ci/models/annotate.py processes/x.bpmn

Templates: every service task whose camunda:delegateExpression is the fixed value of a template in element-templates/
gets camunda:modelerTemplate and camunda:modelerTemplateVersion of that template; a user task gets a user-task
template when it has every execution listener the template binds; a call activity gets the call-activity template
that fixes its calledElement (its camunda:in mappings are the analyst's, ElementTemplatesTest checks them). A service
task without a template is reported and the script exits 1 (add the template to element-templates/ first).

Phases: .ci/models/phases.json maps element ids to phases; each element gets (or has updated) the extension property
phase. After the models are redrawn, edit the ids in phases.json and run this again; an id found in no model is
reported and the script exits 1. A phase property on an element the file does not name is left as it is (analysts
may have set it in Modeler). ElementTemplatesTest and ModelPhasesTest check the result.

Transactions: a service task whose transaction a person, a message or a timer would otherwise begin gets
camunda:asyncBefore="true" (exclusive stays the default, true), so that a failing rule or delegate becomes a retried
job (failedJobRetryTimeCycle in application.yaml), then an incident, never an error for whoever completed the form or
called us. The rule (waits_before) follows the incoming flows back through gateways and throw events: it asks for the
continuation when it reaches a user, receive or manual task, a catch event, a boundary event, a start event with a
message, timer or signal, or the end of a call activity or sub-process (ended by whatever ended its inside). A process's
plain start does not count: its first step checks the starter's input, and a mistake there is the starter's 4xx (a
step that must not run in the starter's request, like screening an intake, is made asynchronous by hand). A service task after another service task runs in
the same job as that one. It only adds the attribute; an asyncBefore set by hand stays. AsyncContinuationsTest checks
the result.
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL'
CAMUNDA = 'http://camunda.org/schema/1.0/bpmn'


def load_templates():
    by_delegate, listener_templates, by_called = {}, [], {}
    for path in sorted(glob.glob(os.path.join(ROOT, 'element-templates', '*.json'))):
        with open(path, encoding='utf-8') as f:
            loaded = json.load(f)
        for template in loaded if isinstance(loaded, list) else [loaded]:
            delegate = [p['value'] for p in template['properties']
                        if p['binding'] == {'type': 'property', 'name': 'camunda:delegateExpression'}]
            listeners = {(p['binding']['event'], p['value']) for p in template['properties']
                         if p['binding']['type'] == 'camunda:executionListener'}
            called = [p['value'] for p in template['properties']
                      if p['binding'] == {'type': 'property', 'name': 'calledElement'}]
            if 'bpmn:ServiceTask' in template['appliesTo'] and delegate:
                by_delegate[delegate[0]] = template
            elif 'bpmn:CallActivity' in template['appliesTo'] and called:
                by_called.setdefault(called[0], []).append(template)
            elif listeners:
                listener_templates.append((listeners, template))
    return by_delegate, listener_templates, by_called


def call_template(call, candidates):
    """Of the templates that call the same process, the one that binds each camunda:in the way the call maps it
    (a variable or an expression), e.g. await-obligation with a fixed obligation, or passed on inside a reusable model."""
    mapped = {i.get('target'): i.get('sourceExpression') is not None
              for i in call.iter('{%s}in' % CAMUNDA) if i.get('target')}
    for template in candidates:
        bound = {p['binding']['target']: bool(p['binding'].get('expression'))
                 for p in template['properties'] if p['binding']['type'] == 'camunda:in'}
        if bound == mapped:
            return template
    return candidates[0]


def start_tag(text, element_id):
    match = re.search(r'<(bpmn:\w+)\s[^>]*?\bid="%s"[^>]*?(/?)>' % re.escape(element_id), text)
    if not match:
        raise LookupError(element_id)
    return match


def set_template(text, element_id, template):
    match = start_tag(text, element_id)
    tag = match.group(0)
    for name, value in (('modelerTemplate', template['id']), ('modelerTemplateVersion', str(template['version']))):
        attribute = re.compile(r'\bcamunda:%s="[^"]*"' % name)
        new = 'camunda:%s="%s"' % (name, value)
        if attribute.search(tag):
            tag = attribute.sub(new, tag)
        else:
            end = len(tag) - (2 if tag.endswith('/>') else 1)
            tag = tag[:end].rstrip() + ' ' + new + tag[end:]
    return text[:match.start()] + tag + text[match.end():]


def set_phase(text, element_id, phase):
    match = start_tag(text, element_id)
    line_start = text.rfind('\n', 0, match.start()) + 1
    indent = re.match(r'[ \t]*', text[line_start:]).group(0)
    step = '  '
    prop = '<camunda:property name="phase" value="%s" />' % phase
    if match.group(2):  # <bpmn:x ... /> has no children yet
        tag = match.group(0)[:-2].rstrip() + '>'
        body = ('\n%s<bpmn:extensionElements>\n%s<camunda:properties>\n%s%s\n%s</camunda:properties>\n'
                '%s</bpmn:extensionElements>\n%s</%s>') % (indent + step, indent + step * 2, indent + step * 3, prop,
                                                            indent + step * 2, indent + step, indent, match.group(1))
        return text[:match.start()] + tag + body + text[match.end():]
    position = match.end()
    documentation = re.compile(r'\s*<bpmn:documentation\b.*?</bpmn:documentation>', re.S).match(text, position)
    if documentation:
        position = documentation.end()
    extensions = re.compile(r'\s*<bpmn:extensionElements>').match(text, position)
    if not extensions:
        block = ('\n%s<bpmn:extensionElements>\n%s<camunda:properties>\n%s%s\n%s</camunda:properties>\n'
                 '%s</bpmn:extensionElements>') % (indent + step, indent + step * 2, indent + step * 3, prop,
                                                   indent + step * 2, indent + step)
        return text[:position] + block + text[position:]
    end = text.index('</bpmn:extensionElements>', extensions.end())
    inside = text[extensions.end():end]
    existing = re.search(r'<camunda:property name="phase" value="[^"]*"\s*/>', inside)
    if existing:
        inside = inside[:existing.start()] + prop + inside[existing.end():]
    elif '<camunda:properties>' in inside:
        at = inside.index('<camunda:properties>') + len('<camunda:properties>')
        inside = inside[:at] + '\n' + indent + step * 3 + prop + inside[at:]
    else:
        inside = ('\n%s<camunda:properties>\n%s%s\n%s</camunda:properties>' % (
            indent + step * 2, indent + step * 3, prop, indent + step * 2)) + inside
    return text[:extensions.end()] + inside + text[end:]


GATEWAYS = {'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'complexGateway', 'eventBasedGateway'}
WAITS = {'userTask', 'receiveTask', 'manualTask', 'intermediateCatchEvent', 'boundaryEvent', 'callActivity',
         'subProcess', 'transaction', 'adHocSubProcess'}


def local(element):
    return element.tag.rsplit('}', 1)[-1]


def waits_before(task, by_id, incoming, parents):
    """Whether a wait (see the module's doc) is among the task's predecessors, looking back through gateways."""
    seen, todo = set(), list(incoming.get(task.get('id'), []))
    while todo:
        node = by_id[todo.pop()]
        if node.get('id') in seen:
            continue
        seen.add(node.get('id'))
        kind = local(node)
        if node.get('{%s}asyncAfter' % CAMUNDA) == 'true':
            continue  # the job after it begins the transaction
        if kind in GATEWAYS or kind == 'intermediateThrowEvent':
            todo += incoming.get(node.get('id'), [])
        elif kind in WAITS:
            return True
        elif kind == 'startEvent':
            parent = parents[node.get('id')]
            defined = any(local(c).endswith('EventDefinition') for c in node)
            if defined:
                return True
            if local(parent) != 'process':
                todo += incoming.get(parent.get('id'), [])  # an embedded sub-process starts in its caller's transaction
    return False


def set_async_before(text, element_id):
    match = start_tag(text, element_id)
    tag = match.group(0)
    attribute = re.compile(r'\bcamunda:asyncBefore="[^"]*"')
    if attribute.search(tag):
        tag = attribute.sub('camunda:asyncBefore="true"', tag)
    else:
        end = len(tag) - (2 if tag.endswith('/>') else 1)
        tag = tag[:end].rstrip() + ' camunda:asyncBefore="true"' + tag[end:]
    return text[:match.start()] + tag + text[match.end():]


def main(files):
    by_delegate, listener_templates, by_called = load_templates()
    with open(os.path.join(ROOT, '.ci', 'models', 'phases.json'), encoding='utf-8') as f:
        phases = {k: v for k, v in json.load(f).items() if not k.startswith('//')}
    problems, placed = [], set()
    for path in files:
        with open(path, encoding='utf-8') as f:
            text = original = f.read()
        tree = ET.fromstring(text.encode('utf-8'))
        ids = {e.get('id') for e in tree.iter() if e.get('id')}
        for task in tree.iter('{%s}serviceTask' % BPMN):
            delegate = task.get('{%s}delegateExpression' % CAMUNDA)
            if delegate in by_delegate:
                text = set_template(text, task.get('id'), by_delegate[delegate])
            else:
                problems.append('%s: service task %s (%s) has no element template' % (
                    os.path.relpath(path, ROOT), task.get('id'), delegate))
        by_id = {e.get('id'): e for e in tree.iter() if e.get('id')}
        parents = {child.get('id'): parent for parent in tree.iter() for child in parent if child.get('id')}
        incoming = {}
        for flow in tree.iter('{%s}sequenceFlow' % BPMN):
            incoming.setdefault(flow.get('targetRef'), []).append(flow.get('sourceRef'))
        # A call activity after a wait gets one too: the called process's first steps would otherwise run in the
        # transaction of the wait (a phase that begins with a service task, e.g. issuing the final invoice).
        for task in list(tree.iter('{%s}serviceTask' % BPMN)) + list(tree.iter('{%s}callActivity' % BPMN)):
            if waits_before(task, by_id, incoming, parents):
                text = set_async_before(text, task.get('id'))
        for task in tree.iter('{%s}userTask' % BPMN):
            listeners = {(l.get('event'), l.get('delegateExpression'))
                         for l in task.iter('{%s}executionListener' % CAMUNDA)}
            for bound, template in listener_templates:
                if bound <= listeners:
                    text = set_template(text, task.get('id'), template)
        for call in tree.iter('{%s}callActivity' % BPMN):
            if call.get('calledElement') in by_called:
                text = set_template(text, call.get('id'), call_template(call, by_called[call.get('calledElement')]))
        for element_id, phase in phases.items():
            if element_id in ids:
                text = set_phase(text, element_id, phase)
                placed.add(element_id)
        if text != original:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            print('annotated', os.path.relpath(path, ROOT))
    if len(files) > 1:
        problems += ['phases.json: no element %s in the models' % i for i in phases if i not in placed]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, 'processes', '*.bpmn')))))
