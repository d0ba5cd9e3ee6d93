// Migration of running instances for analysts: GET /api/migrations, the dry run GET /api/migrations/{key},
// POST /api/migrations/{key} to start the batches, GET /api/migrations/batches/{id} to follow them.
(function () {
  'use strict';
  var current = null;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function call(method, path) {
    return fetch(window.location.origin + path, {
      method: method, credentials: 'same-origin', headers: { Accept: 'application/json' }
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          var problems = (body.fields || []).map(function (p) { return p.field + ': ' + p.message; }).join('; ');
          throw new Error(problems || body.message || response.status);
        }
        return body;
      });
    });
  }

  function fail(e) {
    var error = document.getElementById('error');
    error.textContent = e.message;
    error.hidden = false;
  }

  function loadKeys() {
    call('GET', '/api/migrations').then(function (keys) {
      var body = document.querySelector('#keys tbody');
      body.textContent = '';
      keys.forEach(function (k) {
        var tr = element('tr');
        tr.dataset.key = k.key;
        tr.appendChild(element('td', k.key + (k.name ? ' (' + k.name + ')' : '')));
        tr.appendChild(element('td', String(k.latestVersion)));
        tr.appendChild(element('td', k.versions.map(function (v) { return 'v' + v.version + ': ' + v.instances; }).join(', ') || '—'));
        tr.appendChild(element('td', String(k.instancesOnOlderVersions)));
        var td = element('td');
        if (k.instancesOnOlderVersions > 0) {
          var check = element('button', 'Check');
          check.type = 'button';
          check.className = 'check';
          check.addEventListener('click', function () { checkKey(k.key); });
          td.appendChild(check);
        }
        tr.appendChild(td);
        body.appendChild(tr);
      });
    }).catch(fail);
  }

  function list(items) {
    var ul = element('ul');
    items.forEach(function (text) { ul.appendChild(element('li', text)); });
    return ul;
  }

  function checkKey(key) {
    document.getElementById('error').hidden = true;
    call('GET', '/api/migrations/' + encodeURIComponent(key)).then(function (report) {
      current = report;
      document.getElementById('report').hidden = false;
      document.getElementById('report-title').textContent = key + ': to version ' + report.targetVersion;
      document.getElementById('report-summary').textContent = report.valid
        ? 'The check found no problem.' : 'The check found problems: nothing can be migrated until they are solved.';
      var sources = document.getElementById('report-sources');
      sources.textContent = '';
      report.sources.forEach(function (source) {
        var div = element('div', null, source.valid ? 'source valid' : 'source invalid');
        div.appendChild(element('h3', 'Version ' + source.version + ': ' + source.instances + ' instance(s), '
          + source.instancesChecked + ' checked — ' + (source.valid ? 'valid' : 'not valid')));
        if (source.planFailures.length) {
          div.appendChild(element('p', 'The plan is not valid:'));
          div.appendChild(list(source.planFailures.map(function (f) {
            return f.sourceActivityId + ' → ' + f.targetActivityId + ': ' + f.failures.join('; ');
          })));
        }
        if (source.instanceFailures.length) {
          div.appendChild(element('p', 'Instances that cannot be migrated:'));
          div.appendChild(list(source.instanceFailures.map(function (f) {
            return f.processInstanceId + (f.businessKey ? ' (' + f.businessKey + ')' : '') + ': ' + f.failures.join('; ');
          })));
        }
        if (source.instructions.length) {
          var details = element('details');
          details.appendChild(element('summary', source.instructions.length + ' step(s) mapped'));
          details.appendChild(list(source.instructions.map(function (i) {
            return i.sourceActivityId + ' → ' + i.targetActivityId + (i.updateEventTrigger ? ' (new trigger)' : '');
          })));
          div.appendChild(details);
        }
        sources.appendChild(div);
      });
      document.getElementById('migrate').hidden = !report.valid;
    }).catch(fail);
  }

  function follow(row, batchId) {
    call('GET', '/api/migrations/batches/' + encodeURIComponent(batchId)).then(function (status) {
      row.lastChild.textContent = status.ended ? 'done'
        : (status.completedJobs || 0) + ' of ' + status.totalJobs + ' job(s) done'
          + (status.failedJobs ? ', ' + status.failedJobs + ' failed (see Cockpit)' : '');
      if (!status.ended) { window.setTimeout(function () { follow(row, batchId); }, 2000); } else { loadKeys(); }
    }).catch(fail);
  }

  document.getElementById('migrate').addEventListener('click', function () {
    if (!current) { return; }
    document.getElementById('migrate').hidden = true;
    call('POST', '/api/migrations/' + encodeURIComponent(current.key) + '?to=' + current.targetVersion)
      .then(function (started) {
        document.getElementById('batches').hidden = false;
        var body = document.querySelector('#batch-table tbody');
        started.batches.forEach(function (batch) {
          var tr = element('tr');
          tr.appendChild(element('td', String(batch.sourceVersion)));
          tr.appendChild(element('td', String(batch.instances)));
          var link = element('a', batch.batchId);
          link.href = batch.cockpit;
          var td = element('td');
          td.appendChild(link);
          tr.appendChild(td);
          tr.appendChild(element('td', 'started'));
          body.appendChild(tr);
          follow(tr, batch.batchId);
        });
      }).catch(fail);
  });

  loadKeys();
}());
