// The audit of rule changes: reads GET /api/rules/changes, newest first, 50 at a time.
(function () {
  'use strict';
  var LIMIT = 50;
  var offset = 0;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function cells(list) {
    return list.map(function (c) { return c.column + ' = ' + (c.text === null || c.text === undefined ? '—' : c.text); }).join('; ');
  }

  function columns(list) {
    return list.map(function (c) { return c.label || c.id; }).join(', ');
  }

  /** The diff of a decision version as a list of plain sentences. */
  function describe(change) {
    var list = element('ul');
    function add(text) { list.appendChild(element('li', text)); }
    if (change.changed === null || change.changed === undefined) {
      add('First version.');
      return list;
    }
    if (!change.changed) {
      add('Unchanged since version ' + change.previousVersion + '.');
      return list;
    }
    var d = change.diff;
    if (!d) {
      add('Changed since version ' + change.previousVersion + '.');
      return list;
    }
    add('Since version ' + change.previousVersion + ':');
    if (d.inputsAdded.length) { add('Inputs added: ' + columns(d.inputsAdded)); }
    if (d.inputsRemoved.length) { add('Inputs removed: ' + columns(d.inputsRemoved)); }
    if (d.outputsAdded.length) { add('Outputs added: ' + columns(d.outputsAdded)); }
    if (d.outputsRemoved.length) { add('Outputs removed: ' + columns(d.outputsRemoved)); }
    d.columnsChanged.forEach(function (c) {
      add('Column ' + c.columnId + ' changed: ' + (c.before.label || '') + ' [' + (c.before.expression || '') + '] → '
        + (c.after.label || '') + ' [' + (c.after.expression || '') + ']');
    });
    if (d.hitPolicy) { add('Hit policy: ' + d.hitPolicy.before + ' → ' + d.hitPolicy.after); }
    if (d.expression) { add('Expression: ' + d.expression.before + ' → ' + d.expression.after); }
    d.rulesAdded.forEach(function (r) { add('Rule ' + r.ruleId + ' added (row ' + r.row + '): ' + cells(r.cells)); });
    d.rulesRemoved.forEach(function (r) { add('Rule ' + r.ruleId + ' removed (was row ' + r.row + '): ' + cells(r.cells)); });
    d.rulesChanged.forEach(function (r) {
      var where = r.rowBefore === r.rowAfter ? 'row ' + r.rowAfter : 'row ' + r.rowBefore + ' → ' + r.rowAfter;
      var what = r.cells.map(function (c) {
        return c.column + ': ' + (c.before === null ? '—' : c.before) + ' → ' + (c.after === null ? '—' : c.after);
      }).join('; ');
      add('Rule ' + r.ruleId + ' changed (' + where + ')' + (what ? ': ' + what : ': moved'));
    });
    return list;
  }

  function show(page, append) {
    var body = document.querySelector('#changes tbody');
    if (!append) { body.textContent = ''; }
    if (page.total === 0) {
      var empty = element('tr');
      var td = element('td', 'Nothing recorded.');
      td.colSpan = 6;
      empty.appendChild(td);
      body.appendChild(empty);
    }
    page.changes.forEach(function (change) {
      var tr = element('tr');
      tr.dataset.key = change.key;
      tr.dataset.version = change.version;
      tr.appendChild(element('td', new Date(change.deployedAt).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')));
      tr.appendChild(element('td', change.deployedBy));
      tr.appendChild(element('td', change.kind === 'DECISION' ? 'Decision' : 'Process'));
      tr.appendChild(element('td', change.key + (change.name ? ' (' + change.name + ')' : '')));
      tr.appendChild(element('td', String(change.version)));
      var what = element('td');
      what.appendChild(describe(change));
      tr.appendChild(what);
      body.appendChild(tr);
    });
    document.getElementById('summary').textContent = page.total + ' recorded version(s).';
    document.getElementById('more').hidden = page.offset + page.changes.length >= page.total;
  }

  function load(append) {
    var query = new URLSearchParams({ offset: String(offset), limit: String(LIMIT) });
    var key = document.getElementById('key').value.trim();
    if (key) { query.set('key', key); }
    if (document.getElementById('changedOnly').checked) { query.set('changedOnly', 'true'); }
    var error = document.getElementById('error');
    error.hidden = true;
    fetch(window.location.origin + '/api/rules/changes?' + query.toString(),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            var problems = (body.fields || []).map(function (p) { return p.field + ': ' + p.message; }).join('; ');
            throw new Error(problems || body.message || response.status);
          }
          return body;
        });
      })
      .then(function (page) { show(page, append); })
      .catch(function (e) {
        error.textContent = 'The changes could not be loaded: ' + e.message;
        error.hidden = false;
      });
  }

  document.getElementById('filter').addEventListener('submit', function (event) {
    event.preventDefault();
    offset = 0;
    load(false);
  });
  document.getElementById('more').addEventListener('click', function () {
    offset += LIMIT;
    load(true);
  });
  var initial = new URLSearchParams(window.location.search).get('key');
  if (initial) { document.getElementById('key').value = initial; }
  load(false);
}());
