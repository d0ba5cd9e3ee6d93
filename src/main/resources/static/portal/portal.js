// The client portal: sign-in, engagements, tasks (Camunda Forms through form-js, uploads), complaints, password reset.
// One page; the hash is the route: #/, #/task/{id}, #/task/{engagement}/{task element id} (letters),
// #/engagement/{number}, #/forgot, #/reset/{token}.
(function () {
  'use strict';

  const WORDS = {
    en: {
      portal: 'Client portal', signOut: 'Sign out', signIn: 'Sign in', email: 'E-mail', password: 'Password',
      forgot: 'Forgot your password?', forgotTitle: 'Reset your password', sendLink: 'Send me a link',
      resetSent: 'If an account exists for this address, we have sent a link to reset the password. It works for one hour, once.',
      newPassword: 'New password (at least 10 characters)', setPassword: 'Set the new password',
      passwordSet: 'Your new password is set. Sign in with it.', backToSignIn: 'Back to sign-in',
      tasks: 'Your tasks', noTasks: 'Nothing to do right now.', engagements: 'Your engagements', noEngagements: 'No engagements yet.',
      phase: 'Phase', youOwe: 'You owe', weOwe: 'We owe', nothing: 'nothing open', by: 'by', due: 'due',
      paused: 'paused', open: 'Open', invoices: 'Invoices', invoice: 'Invoice', amount: 'Amount', paid: 'paid',
      remaining: 'Still due', payBy: 'Pay by', howToPay: 'How to pay', recipient: 'Recipient', taxId: 'Tax id (INN)',
      bank: 'Bank', bankCode: 'Bank code (BIC)', correspondentAccount: 'Correspondent account', account: 'Account',
      reference: 'Payment reference', payOnline: 'Pay online', submit: 'Send', submitted: 'Sent. Thank you.',
      back: 'Back', document: 'Document (PDF, JPEG or PNG, at most 10 MB)',
      authorityIntro: 'Upload a document that shows you may sign for your company: a power of attorney, an order of appointment or an extract from the company register.',
      payIntro: 'Paid through the payment link? This task closes by itself when the money arrives. Paid by bank transfer? Upload the bank\'s payment order and say how much you paid.',
      paymentOrder: 'Payment order (PDF, JPEG or PNG, at most 10 MB)', paidAmount: 'Amount paid',
      materialsIntro: 'Send what you have now; for an item that takes longer you may once ask for more time. Files up to 25 MB each.',
      answer: 'Answer', file: 'File', moreTime: 'More time until (optional)',
      evidenceIntro: 'Explain what happened and, where possible, attach evidence, for example the bank\'s payment order.',
      explanation: 'Explanation', details: 'Details', documents: 'Documents you uploaded', results: 'Work results',
      preview: 'Preview', original: 'Full version', originalLocked: 'released once the final invoice is paid',
      evidence: 'Download the evidence bundle (ZIP)', complaints: 'Complaints', raiseComplaint: 'Raise a complaint',
      complaintText: 'What went wrong?', complaintRaised: 'Your complaint is recorded; a moderator answers it.',
      status: 'Status', answerLabel: 'Our answer', none: 'none', materials: 'Materials sent',
      notYours: 'Wrong e-mail or password', staff: 'The portal is for clients; staff work in Tasklist.',
      failed: 'That did not work', signedInAs: 'Signed in as', 'file.deliveryPreview': 'Open the preview',
      taskDone: 'This task is done already; here is where the engagement stands.'
    },
    ru: {
      portal: 'Кабинет клиента', signOut: 'Выйти', signIn: 'Войти', email: 'E-mail', password: 'Пароль',
      forgot: 'Забыли пароль?', forgotTitle: 'Сброс пароля', sendLink: 'Прислать ссылку',
      resetSent: 'Если такой адрес зарегистрирован, мы отправили на него ссылку для сброса пароля. Она действует один час и один раз.',
      newPassword: 'Новый пароль (не короче 10 символов)', setPassword: 'Сохранить новый пароль',
      passwordSet: 'Новый пароль сохранён. Войдите с ним.', backToSignIn: 'Ко входу',
      tasks: 'Ваши задачи', noTasks: 'Сейчас от вас ничего не требуется.', engagements: 'Ваши проекты', noEngagements: 'Проектов пока нет.',
      phase: 'Этап', youOwe: 'За вами', weOwe: 'За нами', nothing: 'ничего открытого', by: 'до', due: 'срок',
      paused: 'приостановлено', open: 'Открыть', invoices: 'Счета', invoice: 'Счёт', amount: 'Сумма', paid: 'оплачено',
      remaining: 'Осталось', payBy: 'Оплатить до', howToPay: 'Как оплатить', recipient: 'Получатель', taxId: 'ИНН',
      bank: 'Банк', bankCode: 'БИК', correspondentAccount: 'Корр. счёт', account: 'Расчётный счёт',
      reference: 'Назначение платежа', payOnline: 'Оплатить онлайн', submit: 'Отправить', submitted: 'Отправлено. Спасибо.',
      back: 'Назад', document: 'Документ (PDF, JPEG или PNG, до 10 МБ)',
      authorityIntro: 'Загрузите документ, подтверждающий право подписи от имени компании: доверенность, приказ о назначении или выписку из реестра.',
      payIntro: 'Оплатили по ссылке — задача закроется сама, когда деньги поступят. Оплатили банковским переводом — загрузите платёжное поручение и укажите сумму.',
      paymentOrder: 'Платёжное поручение (PDF, JPEG или PNG, до 10 МБ)', paidAmount: 'Сумма платежа',
      materialsIntro: 'Отправьте то, что готово; по пункту, которому нужно больше времени, можно один раз попросить отсрочку. Файлы — до 25 МБ.',
      answer: 'Ответ', file: 'Файл', moreTime: 'Отсрочка до (необязательно)',
      evidenceIntro: 'Объясните, что произошло, и по возможности приложите подтверждение, например платёжное поручение.',
      explanation: 'Объяснение', details: 'Подробнее', documents: 'Загруженные документы', results: 'Результаты работы',
      preview: 'Превью', original: 'Полная версия', originalLocked: 'будет доступна после оплаты итогового счёта',
      evidence: 'Скачать пакет доказательств (ZIP)', complaints: 'Жалобы', raiseComplaint: 'Подать жалобу',
      complaintText: 'Что пошло не так?', complaintRaised: 'Жалоба принята; модератор ответит на неё.',
      status: 'Статус', answerLabel: 'Наш ответ', none: 'нет', materials: 'Отправленные материалы',
      notYours: 'Неверный e-mail или пароль', staff: 'Кабинет — для клиентов; сотрудники работают в Tasklist.',
      failed: 'Не получилось', signedInAs: 'Вы вошли как', 'file.deliveryPreview': 'Открыть превью',
      taskDone: 'Эта задача уже выполнена; вот что сейчас происходит в проекте.'
    }
  };

  const view = document.getElementById('view');
  const message = document.getElementById('message');
  let lang = localStorage.getItem('portal.lang') || (navigator.language || 'en').substring(0, 2);
  if (!WORDS[lang]) { lang = 'en'; }
  let session = { user: null, csrf: null };
  let keepMessage = false; // a message said just before a route change stays for the next page

  const t = key => WORDS[lang][key] || WORDS.en[key] || key;
  // Codes (phase, statuses, kinds) in words of the page's language, from the server's catalogue (/api/portal/words).
  let codes = { lang: null, words: {} };
  const code = (group, value) => (value === null || value === undefined) ? '' : codes.words[group + '.' + value] || value;
  const taskName = task => task.name; // the server names a client's task in their language, without the staff suffix
  const withLang = url => url + (url.includes('?') ? '&' : '?') + 'lang=' + encodeURIComponent(lang);

  async function loadCodes() {
    if (codes.lang !== lang) { codes = { lang, words: await api('GET', withLang('/api/portal/words')) }; }
  }

  /** form-js's own messages ("Field is required.") in the page's language: {0} in a pattern is the number in it. */
  function translated(message, catalogue) {
    for (const [english, local] of Object.entries(catalogue || {})) {
      const pattern = new RegExp('^' + english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{0\\}', '(.+)') + '$');
      const match = pattern.exec(message);
      if (match) { return local.replace('{0}', match[1] || ''); }
    }
    return message;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else if (name.startsWith('on')) { node.addEventListener(name.substring(2), value); } else { node.setAttribute(name, value === true ? '' : value); }
    });
    children.flat(Infinity).forEach(child => { if (child !== null && child !== undefined) { node.append(child instanceof Node ? child : String(child)); } });
    return node;
  }

  /** Appends nodes and (nested) lists of nodes, skipping empty ones. */
  function append(node, ...parts) {
    parts.flat(Infinity).filter(part => part !== null && part !== undefined && part !== false).forEach(part => node.append(part));
  }

  function say(kind, text) {
    message.hidden = !text;
    message.className = kind || '';
    message.textContent = text || '';
  }

  function date(value) {
    if (!value) { return ''; }
    const d = new Date(value.length === 10 ? value + 'T00:00:00' : value);
    return isNaN(d) ? value : d.toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB');
  }

  function money(amount, currency) {
    if (amount === null || amount === undefined) { return ''; }
    if (lang === 'ru' && currency) {
      // a Russian page writes the currency as a Russian reader does (75 000,00 ₽), not as an ISO code
      try { return Number(amount).toLocaleString('ru-RU', { style: 'currency', currency, minimumFractionDigits: 2 }); } catch (e) { /* unknown code: as below */ }
    }
    return Number(amount).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { minimumFractionDigits: 2 }) + ' ' + (currency || '');
  }

  async function api(method, url, body) {
    const headers = { 'Accept': 'application/json' };
    if (session.csrf && method !== 'GET') { headers[session.csrf.header] = session.csrf.token; }
    const options = { method, headers, credentials: 'same-origin' };
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { message: text }; }
    if (!response.ok) {
      const problem = new Error(data && data.message ? data.message : response.status + ' ' + response.statusText);
      problem.status = response.status;
      problem.fields = data && data.fields;
      throw problem;
    }
    return data;
  }

  async function refreshSession() {
    session = await api('GET', '/api/portal/session');
    if (session.user && !localStorage.getItem('portal.lang') && WORDS[session.user.locale]) { lang = session.user.locale; }
  }

  function chrome() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.getAttribute('data-i18n')); });
    document.getElementById('lang-en').classList.toggle('active', lang === 'en');
    document.getElementById('lang-ru').classList.toggle('active', lang === 'ru');
    document.getElementById('signOut').hidden = !session.user;
    document.title = t('portal') + ' — Engagement Orchestrator';
  }

  function field(id, label, input) {
    input.id = id;
    return el('div', {}, el('label', { for: id, text: label }), input);
  }

  // ---- sign-in and password reset ----

  function signInView() {
    const form = el('form', { id: 'signInForm', novalidate: true },
      field('signInEmail', t('email'), el('input', { type: 'email', name: 'email', autocomplete: 'username', maxlength: 254 })),
      field('signInPassword', t('password'), el('input', { type: 'password', name: 'password', autocomplete: 'current-password', maxlength: 128 })),
      el('button', { type: 'submit', id: 'signInButton', text: t('signIn') }));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        session = await api('POST', '/api/portal/session', {
          email: form.email.value, password: form.password.value });
        if (!localStorage.getItem('portal.lang') && WORDS[session.user.locale]) { lang = session.user.locale; }
        say(null, null);
        route(); // where the link pointed (a letter's task), now signed in
      } catch (e) {
        say('failed', e.status === 401 ? t('notYours') : e.status === 403 ? t('staff') : e.message);
      }
    });
    return [el('h1', { text: t('signIn') }), form, el('p', {}, el('a', { href: '#/forgot', id: 'forgotLink', text: t('forgot') }))];
  }

  function forgotView() {
    const form = el('form', { id: 'forgotForm', novalidate: true },
      field('forgotEmail', t('email'), el('input', { type: 'email', name: 'email', maxlength: 254 })),
      el('button', { type: 'submit', id: 'forgotButton', text: t('sendLink') }));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api('POST', '/api/portal/password-reset', { email: form.email.value, locale: lang });
        say('ok', t('resetSent'));
      } catch (e) { say('failed', e.message); }
    });
    return [el('h1', { text: t('forgotTitle') }), form, el('p', {}, el('a', { href: '#/', text: t('backToSignIn') }))];
  }

  function resetView(token) {
    const form = el('form', { id: 'resetForm', novalidate: true },
      field('newPassword', t('newPassword'), el('input', { type: 'password', name: 'password', autocomplete: 'new-password', maxlength: 128 })),
      el('button', { type: 'submit', id: 'resetButton', text: t('setPassword') }));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api('POST', '/api/portal/password-reset/confirm', { token, password: form.password.value });
        say('ok', t('passwordSet'));
        keepMessage = true;
        location.hash = '#/';
      } catch (e) { say('failed', e.message); }
    });
    return [el('h1', { text: t('forgotTitle') }), form];
  }

  // ---- engagements and tasks ----

  function owedList(items) {
    if (!items || !items.length) { return el('span', { class: 'meta', text: t('nothing') }); }
    return el('ul', { class: 'owed' }, items.map(o => el('li', {}, o.what,
      (o.dueAt || o.dueDate) ? el('span', { class: 'meta', text: ' — ' + t('by') + ' ' + date(o.dueAt || o.dueDate) }) : null)));
  }

  function paymentBlock(invoice) {
    const p = invoice.payment;
    const rows = [['invoice', invoice.number], ['remaining', money(invoice.remaining, invoice.currency)],
      ['payBy', date(invoice.dueAt)]];
    if (p) {
      rows.push(['recipient', p.recipient], ['taxId', p.taxId], ['bank', p.bank], ['bankCode', p.bankCode],
        ['correspondentAccount', p.correspondentAccount], ['account', p.account], ['reference', p.reference]);
    }
    return el('section', { class: 'payment', 'data-invoice': invoice.number },
      el('h3', { text: t('howToPay') + ': ' + invoice.number }),
      el('dl', {}, rows.filter(r => r[1]).map(r => [el('dt', { text: t(r[0]) }), el('dd', { text: r[1] })])),
      p && p.paymentLink ? el('a', { class: 'button payLink', href: p.paymentLink, target: '_blank', rel: 'noopener', text: t('payOnline') }) : null);
  }

  async function homeView() {
    const [tasks, engagements] = await Promise.all([api('GET', withLang('/api/portal/tasks')), api('GET', withLang('/api/portal/engagements')), loadCodes()]);
    const taskList = el('div', { class: 'tasks', id: 'tasks' },
      tasks.length ? tasks.map(task => el('a', { class: 'task' + (task.paused ? ' paused' : ''), href: '#/task/' + task.id, 'data-key': task.key },
        el('strong', { text: taskName(task) }), el('br'),
        el('span', { class: 'meta', text: [task.engagementNumber, task.due ? t('due') + ' ' + date(task.due) : null,
          task.paused ? t('paused') : null].filter(Boolean).join(' · ') })))
        : el('p', { class: 'meta', text: t('noTasks') }));
    const cards = el('div', { id: 'engagements' }, engagements.length ? engagements.map(e => el('article', { class: 'card engagement', 'data-number': e.number },
      el('h3', {}, el('a', { href: '#/engagement/' + e.number, text: e.number }), ' ', el('span', { class: 'phase', 'data-phase': e.phase, text: code('phase', e.phase) }),
        e.status !== 'ACTIVE' ? el('span', { class: 'meta status', text: ' · ' + code('engagementStatus', e.status) }) : null),
      el('p', { class: 'meta', text: (e.project || '').substring(0, 160) }),
      el('div', {}, el('strong', { text: t('youOwe') + ': ' }), owedList(e.clientOwes)),
      el('div', {}, el('strong', { text: t('weOwe') + ': ' }), owedList(e.weOwe)),
      e.invoices.filter(i => i.status !== 'PAID').map(paymentBlock)))
      : el('p', { class: 'meta', text: t('noEngagements') }));
    return [el('p', { class: 'meta', text: t('signedInAs') + ' ' + session.user.email }),
      el('h1', { text: t('tasks') }), taskList, el('h2', { text: t('engagements') }), cards];
  }

  async function engagementView(number) {
    const base = '/api/engagements/' + encodeURIComponent(number);
    const [e, results, complaints] = await Promise.all([api('GET', base), api('GET', base + '/deliveries'), api('GET', base + '/complaints'), loadCodes()]);
    const docs = (e.authority ? e.authority.documents : []).map(d => el('li', {}, el('a', { href: d.url, text: d.fileName }), ' — ' + code('authorityDecision', d.decision)));
    (e.invoices || []).forEach(i => (i.paymentOrders || []).forEach(o => docs.push(el('li', {}, el('a', { href: o.url, text: o.fileName }), ' — ' + i.number))));
    const sent = [];
    if (e.brief) { e.brief.items.forEach(item => item.submissions.forEach(s => sent.push(el('li', {}, item.title + ': ',
      s.url ? el('a', { href: s.url, text: s.fileName }) : s.answer)))); }
    const complaintForm = el('form', { id: 'complaintForm', novalidate: true },
      field('complaintText', t('complaintText'), el('textarea', { name: 'text', maxlength: 4000 })),
      el('button', { type: 'submit', id: 'complaintButton', text: t('raiseComplaint') }));
    complaintForm.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api('POST', base + '/complaints', { text: complaintForm.text.value });
        say('ok', t('complaintRaised'));
        render(() => engagementView(number));
      } catch (err) { say('failed', err.message); }
    });
    return [el('p', {}, el('a', { href: '#/', text: '← ' + t('back') })),
      el('h1', {}, e.number + ' ', el('span', { class: 'phase', 'data-phase': e.phase, text: code('phase', e.phase) })),
      el('p', { class: 'meta', id: 'engagementStatus', 'data-status': e.status, text: t('status') + ': ' + code('engagementStatus', e.status) }),
      el('p', { class: 'meta', text: e.project ? e.project.description : '' }),
      el('h2', { text: t('results') }),
      el('ul', { id: 'results' }, results.map(r => el('li', { 'data-result': r.id }, r.title + ' (v' + r.version + ', ' + code('deliveryStatus', r.status) + ') ',
        r.preview ? el('a', { class: 'preview', href: r.preview, target: '_blank', text: t('preview') }) : null, ' ',
        r.preview && r.previewKind === 'IMAGE' ? el('img', { class: 'preview', src: r.preview, alt: r.title }) : null,
        r.released ? el('a', { class: 'original', href: r.original, text: t('original') })
          : el('span', { class: 'meta', text: t('original') + ': ' + t('originalLocked') })))),
      el('h2', { text: t('invoices') }),
      el('ul', { id: 'invoices' }, (e.invoices || []).map(i => el('li', { 'data-invoice': i.number, text: code('invoiceKind', i.kind) + ' ' + i.number + ': '
        + money(i.amount, i.currency) + ', ' + t('paid') + ' ' + money(i.paid, i.currency) + ' — ' + code('invoiceStatus', i.status) }))),
      el('h2', { text: t('documents') }), el('ul', { id: 'documents' }, docs),
      sent.length ? [el('h2', { text: t('materials') }), el('ul', {}, sent)] : null,
      el('p', {}, el('a', { id: 'evidenceLink', href: base + '/evidence', text: t('evidence') })),
      el('h2', { text: t('complaints') }),
      el('div', { id: 'complaints' }, complaints.map(c => el('article', { class: 'card complaint', 'data-status': c.status },
        el('p', { text: c.text }), el('p', { class: 'meta', text: t('status') + ': ' + code('complaintStatus', c.status) + ' · ' + date(c.raisedAt) }),
        c.answer ? el('p', {}, el('strong', { text: t('answerLabel') + ': ' }), c.answer) : null))),
      complaintForm];
  }

  // ---- one task ----

  async function taskView(id) {
    const data = await api('GET', withLang('/api/portal/tasks/' + encodeURIComponent(id)));
    const task = data.task;
    const header = [el('p', {}, el('a', { href: '#/', text: '← ' + t('back') })), el('h1', { id: 'taskName', text: taskName(task) }),
      el('p', { class: 'meta', text: [task.engagementNumber, task.due ? t('due') + ' ' + date(task.due) : null].filter(Boolean).join(' · ') })];
    const done = () => { say('ok', t('submitted')); keepMessage = true; location.hash = '#/'; };
    if (data.form === 'form-js') {
      const container = el('div', { id: 'form' });
      const button = el('button', { type: 'button', id: 'submitTask', text: t('submit') });
      const viewer = new FormViewer.Form({ container });
      const validator = viewer.get('validator');
      ['validateField', 'validateFieldInstance'].forEach(name => {
        const original = validator[name].bind(validator);
        validator[name] = (...args) => original(...args).map(message => translated(message, data.validation));
      });
      const values = {};
      Object.entries(data.variables || {}).forEach(([k, v]) => { if (v !== null) { values[k] = v; } });
      // rendered after the nodes are in the page
      setTimeout(() => viewer.importSchema(data.schema, values).catch(e => say('failed', e.message)), 0);
      button.addEventListener('click', async () => {
        const result = viewer.submit();
        if (Object.keys(result.errors || {}).length) { return; }
        try { await api('POST', '/api/portal/tasks/' + encodeURIComponent(id) + '/submit', result.data); done(); } catch (e) { say('failed', e.message); }
      });
      // A file the form names by its address (a preview, a payment order) is a link that works with this session.
      const links = Object.entries(data.variables || {}).filter(([, value]) => typeof value === 'string' && value.startsWith('/api/'))
        .map(([name, value]) => el('li', {}, el('a', { href: value, target: '_blank', class: 'file', 'data-variable': name, text: WORDS[lang]['file.' + name] || t('open') })));
      return [header, links.length ? el('ul', { class: 'files' }, links) : null, container, button];
    }
    const form = el('form', { id: 'uploadForm', novalidate: true, enctype: 'multipart/form-data' });
    const invoices = (data.invoices || []).filter(i => i.status !== 'PAID');
    const v = data.variables || {};
    if (data.form === 'prove-signing-authority') {
      append(form, el('p', { text: t('authorityIntro') }),
        field('authorityDocument', t('document'), el('input', { type: 'file', name: 'authorityDocument', accept: 'application/pdf,image/jpeg,image/png' })));
    } else if (data.form === 'pay-deposit') {
      const current = invoices.filter(i => i.number === v.invoiceNumber);
      append(form, (current.length ? current : invoices).map(paymentBlock), el('p', { text: t('payIntro') }),
        field('paymentOrder', t('paymentOrder'), el('input', { type: 'file', name: 'paymentOrder', accept: 'application/pdf,image/jpeg,image/png' })),
        field('paidAmount', t('paidAmount'), el('input', { type: 'text', name: 'paidAmount', inputmode: 'decimal', value: v.invoiceRemaining || '' })));
    } else if (data.form === 'provide-materials') {
      const items = JSON.parse(v.briefItemsJson || '[]');
      append(form, el('p', { text: t('materialsIntro') }), items.map(item => el('fieldset', { 'data-item': item.id },
        el('legend', { text: item.position + '. ' + item.title + ' (' + t('due') + ' ' + date(item.dueDate) + ')' }),
        item.note ? el('p', { class: 'error', text: item.note }) : null,
        item.kind === 'ANSWER' ? field('answer_' + item.id, t('answer'), el('textarea', { name: 'answer_' + item.id, maxlength: 10000 }))
          : field('file_' + item.id, t('file'), el('input', { type: 'file', name: 'file_' + item.id })),
        item.canExtend ? field('extend_' + item.id, t('moreTime'), el('input', { type: 'date', name: 'extend_' + item.id })) : null)));
    } else if (data.form === 'provide-block-evidence') {
      append(form, el('p', { text: t('evidenceIntro') }),
        field('evidenceNote', t('explanation'), el('textarea', { name: 'evidenceNote', maxlength: 4000 })),
        field('evidenceFile', t('document'), el('input', { type: 'file', name: 'evidenceFile', accept: 'application/pdf,image/jpeg,image/png' })));
    }
    append(form, el('button', { type: 'submit', id: 'submitTask', text: t('submit') }));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = new FormData();
      form.querySelectorAll('input, textarea').forEach(input => {
        if (input.type === 'file') { if (input.files[0]) { body.append(input.name, input.files[0]); } } else if (input.value.trim()) { body.append(input.name, input.value.trim()); }
      });
      try { await api('POST', '/api/portal/tasks/' + encodeURIComponent(id) + '/submit', body); done(); } catch (e) { say('failed', e.message); }
    });
    return [header, form];
  }

  // ---- routing ----

  let rendering = 0; // only the latest route's page is shown, however long an earlier one took to load

  async function render(build) {
    chrome();
    const mine = ++rendering;
    try {
      const nodes = await build();
      if (mine !== rendering) { return; }
      view.replaceChildren(...[nodes].flat(3).filter(Boolean));
    } catch (e) {
      if (e.status === 401 || e.status === 403 && !session.user) { session.user = null; view.replaceChildren(...signInView()); } else { say('failed', e.message); }
    }
  }

  function route() {
    const hash = location.hash.replace(/^#\/?/, '');
    const [page, arg, ...rest] = hash.split('/');
    if (page === 'reset' && arg) { return render(() => resetView(decodeURIComponent(arg))); }
    if (page === 'forgot') { return render(forgotView); }
    if (!session.user) { return render(signInView); }
    if (page === 'task' && arg && rest.length) { return openFromLetter(decodeURIComponent(arg), decodeURIComponent(rest[0])); }
    if (page === 'task' && arg) { return render(() => taskView(decodeURIComponent(arg))); }
    if (page === 'engagement' && arg) { return render(() => engagementView(decodeURIComponent(arg))); }
    if (page === 'open' && arg) { return openFromLetter(decodeURIComponent(arg), null); }
    return render(homeView);
  }

  // A letter that asks the client to act links to #/task/{engagement}/{task}: that very task (a letter is written
  // before the engine creates the task it announces, so it names the task by its engagement and its element id, which
  // the portal resolves to the client's open task). Done already: the engagement, with a word why.
  // #/open/{engagement} (older letters): the engagement's open task if there is one, else the engagement.
  async function openFromLetter(number, key) {
    try {
      const tasks = await api('GET', withLang('/api/portal/tasks'));
      const task = tasks.find(candidate => candidate.engagementNumber === number && (!key || candidate.key === key));
      if (!task && key) { say('ok', t('taskDone')); keepMessage = true; }
      location.replace(task ? '#/task/' + task.id : '#/engagement/' + encodeURIComponent(number));
    } catch (e) { say('failed', e.message); }
  }

  function switchTo(language) {
    lang = language;
    localStorage.setItem('portal.lang', language);
    route();
  }

  document.getElementById('lang-en').addEventListener('click', () => switchTo('en'));
  document.getElementById('lang-ru').addEventListener('click', () => switchTo('ru'));
  document.getElementById('signOut').addEventListener('click', async () => {
    try { await api('DELETE', '/api/portal/session'); } catch (e) { /* signed out anyway */ }
    await refreshSession();
    location.hash = '#/';
    route();
  });
  window.addEventListener('hashchange', () => {
    if (!keepMessage) { say(null, null); }
    keepMessage = false;
    route();
  });
  refreshSession().then(route, e => say('failed', e.message));
})();
