// Drives Debian's Firefox ESR over WebDriver BiDi (puppeteer-core talks to Firefox itself, no geckodriver) through
// the key journeys, typing and clicking as a person does. Called by FirefoxBrowserTest, which prepares the data and
// checks the outcome in the database:  node journeys.mjs <register|introCall|cockpitSearch> '<json arguments>'
// Prints one line of JSON with the result; any failure exits non-zero with the reason and a screenshot.
import puppeteer from 'puppeteer-core';
import {mkdirSync} from 'node:fs';

const [step, json] = process.argv.slice(2);
const args = JSON.parse(json || '{}');
const base = args.baseUrl;
const screenshots = args.screenshots || 'target/browser-screenshots';
mkdirSync(screenshots, {recursive: true});

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: args.firefox || '/usr/bin/firefox-esr',
  headless: true,
  protocolTimeout: 120000,
});
const page = await browser.newPage();
await page.setViewport({width: 1400, height: 1000});
page.setDefaultTimeout(60000);
const problems = [];
page.on('pageerror', e => problems.push('page error: ' + e.message));
const shot = name => page.screenshot({path: `${screenshots}/firefox-${name}.png`});
const xpath = expression => `::-p-xpath(${expression})`;

/** Until the page has not changed for a second (at most 15 s): what a person waits for before acting. */
async function holdStill() {
  await page.evaluate(() => new Promise(resolve => {
    let quiet;
    const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 1000); });
    function done() { observer.disconnect(); resolve(); }
    observer.observe(document.body, {subtree: true, childList: true, attributes: true});
    quiet = setTimeout(done, 1000);
    setTimeout(done, 15000);
  }));
}

async function typeInto(selector, text) {
  const field = await page.waitForSelector(selector, {visible: true});
  await field.click();
  await field.type(text);
  return field;
}

async function register() {
  await page.goto(base + '/register');
  await page.waitForFunction(() => document.querySelectorAll('#industry option').length > 5);
  await typeInto('#fullName', args.fullName);
  await typeInto('#email', args.email);
  await typeInto('#password', args.password);
  await typeInto('#companyName', args.companyName);
  await typeInto('#registrationNumber', args.registrationNumber);
  await page.select('#industry', args.industry);
  await page.select('#firstContactChannel', 'EMAIL');
  await typeInto('#projectDescription', args.projectDescription);
  await typeInto('#budgetAmount', String(args.budgetAmount));
  // The date picker's own widget differs between browsers; its value is what a picked date leaves behind.
  await page.$eval('#desiredDeadline', (input, date) => { input.value = date; }, args.desiredDeadline);
  await page.click('#submit');
  const number = await page.waitForSelector('#engagementNumber', {visible: true});
  await shot('register-done');
  return {number: await number.evaluate(e => e.textContent.trim())};
}

async function logIntoTasklist(user, password) {
  await logIn('tasklist', user, password);
  await page.waitForSelector(xpath("//*[contains(text(), 'My tasks')]"));
  await shot('logged-in-' + user.replace(/[^a-z]/g, ''));
}

/** The login form of Tasklist, Cockpit and Admin (Camunda's shared one), typed into. */
async function logIn(app, user, password) {
  await page.goto(`${base}/camunda/app/${app}/default/`);
  // The webapp's CSRF token arrives with its first API answer; a person is never faster than that.
  await page.waitForFunction(() => document.cookie.includes('XSRF-TOKEN='));
  // The form focuses its user field by itself once its view is built; on a slow machine that came after the user
  // name was typed and took the password's keys (CI, 2026-12-02). A person starts typing when the form has settled.
  await page.waitForFunction(() => document.activeElement?.getAttribute('ng-model') === 'username', {timeout: 10000})
      .catch(() => {});
  await holdStill();
  const name = await typeInto("form[name='signinForm'] input[ng-model='username']", user);
  const secret = await typeInto("form[name='signinForm'] input[ng-model='password']", password);
  const typed = [await name.evaluate(e => e.value), await secret.evaluate(e => e.value)];
  if (typed[0] !== user || typed[1] !== password) {
    throw new Error(`the login form did not take the typed input: ${JSON.stringify(typed)}`);
  }
  await page.click("form[name='signinForm'] button[type='submit']");
  await page.waitForSelector("form[name='signinForm']", {hidden: true});
}

/** The queue is shared and paged: turn its pages, as a moderator would, until the task shows. */
async function openTask(taskId) {
  const link = `a[href*='task=${taskId}']`;
  for (let pageTurns = 0; pageTurns < 50; pageTurns++) {
    await page.waitForSelector("a[href*='task=']");
    const found = await page.$(link);
    if (found) {
      await found.evaluate(e => e.scrollIntoView({block: 'center'}));
      await found.click();
      return;
    }
    const next = await page.$('.pagination li.pagination-next:not(.disabled) a');
    if (!next) {
      throw new Error(`task ${taskId} is not in the queue`);
    }
    const first = await page.$eval("a[href*='task=']", a => a.getAttribute('href'));
    await next.evaluate(e => e.scrollIntoView({block: 'center'}));
    await next.click();
    await page.waitForFunction(before => document.querySelector("a[href*='task=']")?.getAttribute('href') !== before,
        {}, first);
  }
  throw new Error(`task ${taskId} not found`);
}

async function clickCentered(selector) {
  const element = await page.waitForSelector(selector);
  await element.evaluate(e => e.scrollIntoView({block: 'center'}));
  await element.click();
  return element;
}

async function introCall() {
  await logIntoTasklist(args.user, args.password);
  await clickCentered(xpath("//*[normalize-space(text())='Moderation queue']"));
  await openTask(args.taskId);
  await clickCentered(xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"));
  await page.waitForFunction(() => document.querySelectorAll('.disabled-form').length === 0);

  const partners = await page.waitForSelector(xpath("//label[contains(., 'Partners or spouses')]"));
  const boxId = await partners.evaluate(label => label.getAttribute('for'));
  await clickCentered(boxId ? `[id='${boxId}']` : xpath("//label[contains(., 'Partners or spouses')]//input[@type='checkbox']"));
  await clickCentered(xpath("//label[contains(., 'Accept the client')]"));
  await (await clickCentered(xpath("//label[contains(., 'Notes from the intro call')]/following::textarea[1]")))
      .type(args.notes);
  await (await clickCentered(xpath("//label[contains(., 'Reason for overriding the rules')]/following::textarea[1]")))
      .type(args.override);
  await shot('review-filled');
  const statuses = [];
  page.on('response', r => {
    if (r.request().method() === 'POST' && /\/task\/[^/]+\/submit-form$/.test(r.url())) {
      statuses.push(r.status());
    }
  });
  // One click, as a person clicks. Should it be lost, the trace says what moved or took the events between the
  // mouse-down and the mouse-up (the test fails with it).
  const lostClicks = [];
  const complete = await page.waitForSelector(xpath("//button[normalize-space()='Complete'][not(@disabled)]"));
  // A person reaches for the button once the page holds still: Tasklist reloads its task list after the claim, and
  // on a slow machine that answer can land between the mouse-down and the mouse-up and move the form (a lost click in
  // CI, 2026-12-02: the list re-rendered and the button moved 57 px down while pressed).
  await holdStill();
  await complete.evaluate(e => {
    e.scrollIntoView({block: 'center'});
    window.__completeClicks = 0;
    window.__trace = [];
    const where = () => JSON.stringify(e.getBoundingClientRect().toJSON());
    e.addEventListener('click', () => window.__completeClicks++);
    for (const type of ['mousedown', 'mouseup', 'click', 'focusout']) {
      document.addEventListener(type, ev => window.__trace.push(type + ' ' + (ev.target?.outerHTML || String(ev.target)).slice(0, 80)
        + ' button=' + where() + ' disabled=' + e.disabled + ' ' + (ev.clientX ?? '') + ',' + (ev.clientY ?? '')), true);
    }
    new MutationObserver(changes => changes.forEach(c => window.__trace.push('mutation ' + c.type + ' '
      + (c.target.outerHTML || c.target.nodeName).slice(0, 60) + ' button=' + where() + ' disabled=' + e.disabled)))
      .observe(document.body, {subtree: true, childList: true, attributes: true});
  });
  await complete.click();
  for (let waited = 0; waited < 15000 && statuses.length === 0; waited += 250) {
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  if (statuses.length === 0) {
    await shot('review-complete-lost-click');
    lostClicks.push(await page.evaluate(() => ({
      clickEventsOnTheButton: window.__completeClicks,
      trace: (window.__trace || []).slice(0, 60),
      focused: document.activeElement?.outerHTML.slice(0, 120),
      invalid: [...document.querySelectorAll('.fjs-has-errors, [aria-invalid=true]')].map(e => e.outerHTML.slice(0, 160)),
    })));
  }
  await shot('review-completed');
  return {submitStatuses: statuses, lostClicks};
}

/** Cockpit's search box: a criterion (Name), then its value, each confirmed with Enter; answers the rows listed. */
async function cockpitSearch() {
  await logIn('cockpit', args.user, args.password);
  await clickCentered(xpath("//a[normalize-space()='Processes']"));
  await page.waitForSelector(xpath("//a[normalize-space()='Engagement']"));
  await typeInto('input.main-field', 'Name');
  await page.waitForSelector(xpath("//ul[contains(@class, 'dropdown-menu')]/li[normalize-space()='Name']"), {visible: true});
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT'
      && !document.activeElement.classList.contains('main-field'));
  await page.keyboard.type(args.name);
  await page.keyboard.press('Enter');
  // Cockpit redraws the table more than once while the search applies: wait for the filtered list itself (the Java
  // test judges what is left, so a search that never applies still fails there).
  await page.waitForFunction(name => {
    const rows = [...document.querySelectorAll('table tbody tr')];
    return rows.length > 0 && rows.every(row => row.textContent.includes(name));
  }, {timeout: 20000}, args.name).catch(() => {});
  await shot('cockpit-search');
  const rows = await page.$$eval('table tbody tr', rows => rows.map(row => row.textContent.replace(/\s+/g, ' ').trim()));
  return {rows};
}

try {
  const steps = {register, introCall, cockpitSearch};
  if (!steps[step]) {
    throw new Error(`unknown step ${step}`);
  }
  const result = await steps[step]();
  result.userAgent = await page.evaluate(() => navigator.userAgent);
  result.browserVersion = await browser.version();
  result.pageErrors = problems;
  console.log(JSON.stringify(result));
} catch (e) {
  await shot(`${step}-failed`).catch(() => {});
  console.error(`${step} failed in Firefox: ${e.stack || e}\n${problems.join('\n')}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
