// The registration page: posts the form as JSON and shows the server's verdict on every field.
(function () {
  const form = document.getElementById('registration');
  const result = document.getElementById('result');
  const numbers = ['budgetAmount', 'previousContractorsCount'];

  fetch('/api/reference/industries').then(r => r.json()).then(industries => {
    const select = document.getElementById('industry');
    industries.forEach(i => {
      const option = document.createElement('option');
      option.value = i.code;
      option.textContent = i.nameEn + ' / ' + i.nameRu;
      select.appendChild(option);
    });
  });

  function clearErrors() {
    form.querySelectorAll('.error').forEach(e => e.remove());
    form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
  }

  function show(kind, html) {
    result.hidden = false;
    result.className = kind;
    result.innerHTML = html;
  }

  function text(value) {
    const span = document.createElement('span');
    span.textContent = value;
    return span.innerHTML;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors();
    const body = {};
    new FormData(form).forEach((value, key) => {
      if (numbers.includes(key)) {
        body[key] = value === '' ? null : Number(value);
      } else {
        body[key] = value;
      }
    });
    const response = await fetch('/api/registrations', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(body)
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201) {
      form.hidden = true;
      show('ok', '<p>Thank you! Your request number is <strong id="engagementNumber">' + text(answer.engagementNumber)
        + '</strong>.</p><p>Follow it in your <a href="/portal">client portal</a>: sign in with your e-mail address and '
        + 'the password you chose.</p>');
      return;
    }
    (answer.fields || []).forEach(problem => {
      const input = document.getElementById(problem.field);
      if (input) {
        input.classList.add('invalid');
        const message = document.createElement('div');
        message.className = 'error';
        message.dataset.field = problem.field;
        message.textContent = problem.message;
        input.insertAdjacentElement('afterend', message);
      }
    });
    show('failed', '<p>' + text(answer.message || ('The request failed (' + response.status + ')')) + '</p>');
  });
})();
