// The moderators' statistics page: reads GET /api/stats for the chosen period; English or Russian (?lang=ru).
(function () {
  'use strict';
  var TEXTS = {
    en: {
      title: 'Screening, breaches and time per phase',
      cohort: 'Of the engagements registered in the period (UTC, both days included).',
      from: 'First day', to: 'Last day', show: 'Show',
      screening: 'Screening outcomes', verdict: 'Verdict', count: 'Engagements', byModerator: 'After the intro call',
      overrides: 'Against the rules',
      breaches: 'Breaches', kind: 'Kind', breachCount: 'Breaches', perEngagement: 'Per engagement',
      share: 'Engagements with one',
      phases: 'Time per phase', phasesHint: 'Stays that ended, in hours (a blocked client\'s paused time included).',
      phase: 'Phase', stays: 'Stays', median: 'Median', p90: '90 %', max: 'Longest',
      summary: function (n, from, to) { return n + ' engagements registered from ' + from + ' to ' + to + '.'; },
      none: 'None in this period.', failed: 'The figures could not be loaded: ',
      ACCEPT: 'Accepted', DECLINE: 'Declined', REVIEW: 'Under review', PENDING: 'Not decided yet'
    },
    ru: {
      title: 'Проверка, нарушения и время по этапам',
      cohort: 'По заявкам, зарегистрированным за период (UTC, оба дня включительно).',
      from: 'Первый день', to: 'Последний день', show: 'Показать',
      screening: 'Итоги проверки', verdict: 'Решение', count: 'Заявок', byModerator: 'После знакомства',
      overrides: 'Вопреки правилам',
      breaches: 'Нарушения', kind: 'Вид', breachCount: 'Нарушений', perEngagement: 'На заявку',
      share: 'Заявок с нарушением',
      phases: 'Время по этапам', phasesHint: 'Завершённые пребывания, в часах (с учётом времени блокировки клиента).',
      phase: 'Этап', stays: 'Пребываний', median: 'Медиана', p90: '90 %', max: 'Дольше всего',
      summary: function (n, from, to) { return 'Заявок зарегистрировано с ' + from + ' по ' + to + ': ' + n + '.'; },
      none: 'За период нет.', failed: 'Не удалось загрузить данные: ',
      ACCEPT: 'Принят', DECLINE: 'Отклонён', REVIEW: 'На рассмотрении', PENDING: 'Ещё не решено'
    }
  };
  var params = new URLSearchParams(window.location.search);
  var lang = params.get('lang') || ((navigator.language || 'en').toLowerCase().indexOf('ru') === 0 ? 'ru' : 'en');
  var t = TEXTS[lang] || TEXTS.en;
  document.documentElement.lang = TEXTS[lang] ? lang : 'en';
  document.querySelectorAll('[data-text]').forEach(function (element) {
    element.textContent = t[element.getAttribute('data-text')];
  });
  document.title = t.title + ' — Engagement Orchestrator';

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function fill(tableId, rows, columns) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.textContent = '';
    if (rows.length === 0) {
      var empty = document.createElement('tr');
      cell(empty, t.none);
      empty.firstChild.colSpan = columns.length;
      body.appendChild(empty);
      return;
    }
    rows.forEach(function (item) {
      var tr = document.createElement('tr');
      columns.forEach(function (column) { cell(tr, column(item)); });
      body.appendChild(tr);
    });
  }

  function load() {
    var query = new URLSearchParams();
    ['from', 'to'].forEach(function (name) {
      var value = document.getElementById(name).value;
      if (value) { query.set(name, value); }
    });
    var error = document.getElementById('error');
    error.hidden = true;
    // The origin never carries credentials typed into the address (fetch refuses a URL with them).
    fetch(window.location.origin + '/api/stats?' + query.toString(), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            var problems = (body.fields || []).map(function (p) { return p.field + ': ' + p.message; }).join('; ');
            throw new Error(problems || body.message || response.status);
          }
          return body;
        });
      })
      .then(function (report) {
        document.getElementById('from').value = report.from;
        document.getElementById('to').value = report.to;
        document.getElementById('summary').textContent = t.summary(report.engagements, report.from, report.to);
        fill('screening', report.screening, [
          function (r) { return t[r.verdict] || r.verdict; }, function (r) { return r.count; },
          function (r) { return r.byModerator; }, function (r) { return r.overrides; }]);
        fill('breaches', report.breaches, [
          function (r) { return r.kind; }, function (r) { return r.breaches; },
          function (r) { return r.perEngagement; }, function (r) { return Math.round(r.shareOfEngagements * 1000) / 10 + ' %'; }]);
        fill('phases', report.phases, [
          function (r) { return r.phase; }, function (r) { return r.stays; }, function (r) { return r.medianHours; },
          function (r) { return r.p90Hours; }, function (r) { return r.maxHours; }]);
      })
      .catch(function (e) {
        error.textContent = t.failed + e.message;
        error.hidden = false;
      });
  }

  document.getElementById('period').addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  load();
}());
