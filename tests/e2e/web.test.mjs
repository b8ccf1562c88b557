// The web build, taken as a learner would in headless Chromium: every page, every question
// type right and wrong, score and feedback, resume after a reload, keyboard use, a narrow
// screen, and axe-core (WCAG 2.1 A/AA) on every page and state.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCourse, formatViolations, launchBrowser, runAxe, serveDir } from './lib/harness.mjs';
import { answer, goToPage, pageData, rightAnswer, shownTestQuestions, wrongAnswer } from './lib/learner.mjs';

const MODULE = 'all-question-types-demo-1.0.0-nl-web/modules/quiz-demo/index.html';
let build, server, browser;

before(async () => {
  build = await buildCourse('examples/all-question-types', ['--format', 'web']);
  server = await serveDir(build.outDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await build?.cleanup();
});

async function open(context, url = server.url + MODULE) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body.cp-js');
  return { page, errors };
}

async function assertAccessible(page, what) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${what}:\n${formatViolations(violations)}`);
}

async function takeTest(page, pick) {
  await goToPage(page, 'p-test');
  await page.click('#cp-test-start');
  const data = await pageData(page);
  const ids = await shownTestQuestions(page);
  assert.equal(ids.length, data.test.questions.length, 'every question of the pool is asked (no draw)');
  for (const id of ids) await answer(page, id, data.questions[id], pick(data.questions[id]));
  await page.click('#cp-test-submit');
  await page.waitForSelector('#cp-test-result p');
  return { data, ids };
}

describe('web build of examples/all-question-types', () => {
  test('every page reads, navigates and passes axe', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl-BE');
    const ids = await page.locator('.cp-page').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(ids, ['p-aanmelden-bij-de-overheid', 'p-de-pincode', 'p-klaar-voor-de-toets', 'p-test']);
    for (const [i, id] of ids.entries()) {
      await goToPage(page, id);
      assert.equal(await page.locator('.cp-page:not([hidden])').count(), 1);
      assert.equal(await page.textContent('#cp-position'), `Pagina ${i + 1} van ${ids.length}`);
      if (i > 0) assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2', 'focus moves to the page heading');
      await assertAccessible(page, `page ${id}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the knowledge check gives feedback, right and wrong', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await goToPage(page, 'p-de-pincode');
    await page.click('label[for="q-own-codes-false"]');
    await page.click('#q-own-codes .cp-check');
    const wrong = await page.textContent('#q-own-codes-feedback');
    assert.match(wrong, /Niet juist\./);
    assert.match(wrong, /Toch wel\. Codes zijn strikt persoonlijk\./);
    await assertAccessible(page, 'knowledge check with feedback');
    await page.click('label[for="q-own-codes-true"]');
    await page.click('#q-own-codes .cp-check');
    assert.match(await page.textContent('#q-own-codes-feedback'), /Juist!.*Inderdaad, codes zijn strikt persoonlijk\./s);
    await context.close();
  });

  test('all answers right: 100%, passed, feedback, and everything restored after a reload', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    const { data, ids } = await takeTest(page, rightAnswer);
    const result = await page.textContent('#cp-test-result');
    assert.match(result, /Uw score: 100%\./);
    assert.match(result, /U bent geslaagd voor deze module\./);
    for (const id of ids) assert.match(await page.textContent(`#q-${id}-feedback`), /Juist!/, id);
    assert.match(await page.textContent('#q-blocked-pin-feedback'), /Goed gedaan\./);
    assert.equal(await page.isVisible('#cp-test-retry'), false, 'no retry after passing');
    await assertAccessible(page, 'test page with feedback');

    await page.reload();
    await page.waitForSelector('body.cp-js');
    assert.equal(await page.locator('.cp-page:not([hidden])').getAttribute('id'), 'p-test', 'the place is restored');
    assert.match(await page.textContent('#cp-test-result'), /Uw score: 100%\./);
    assert.deepEqual(await shownTestQuestions(page), ids, 'the same attempt, in the same order');
    assert.equal(await page.isChecked(`#q-blocked-pin-${rightAnswer(data.questions['blocked-pin'])}`), true);
    assert.equal(await page.inputValue('#q-app-name-input'), 'itsme');
    assert.equal(await page.inputValue('#q-who-helps-pension'), 'pension');
    const order = await page.locator('#q-login-steps .cp-item').evaluateAll((els) => els.map((e) => e.dataset.item));
    assert.deepEqual(order, data.questions['login-steps'].order);
    assert.deepEqual(errors, []);

    const menu = await context.newPage();
    await menu.goto(server.url + 'all-question-types-demo-1.0.0-nl-web/index.html');
    await menu.waitForSelector('body.cp-js');
    assert.equal(await menu.textContent('[data-status-for="quiz-demo"]'), 'Geslaagd');
    await assertAccessible(menu, 'menu page');
    await context.close();
  });

  test('all answers wrong: failed, per-option feedback, retry with attempts counted', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await takeTest(page, wrongAnswer);
    const result = await page.textContent('#cp-test-result');
    assert.match(result, /Uw score: 0%\./);
    assert.match(result, /U bent nog niet geslaagd/);
    const feedback = await page.textContent('#q-blocked-pin-feedback');
    assert.match(feedback, /Niet juist\./);
    assert.match(feedback, /De gemeente helpt bij een geblokkeerde kaart\./);
    assert.match(feedback, /De bank beheert de eID niet\.|Een helper kent of zoekt nooit iemands pincode\./);
    assert.match(await page.textContent('#cp-test-attempts'), /U hebt nog 2 poging\(en\)\./);
    await assertAccessible(page, 'failed test with feedback');
    await page.click('#cp-test-retry');
    assert.match(await page.textContent('#cp-test-attempts'), /U hebt nog 1 poging\(en\)\./);
    assert.equal(await page.textContent('#cp-test-result'), '');
    await context.close();
  });

  test('answers given in an attempt survive a reload before submitting', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await goToPage(page, 'p-test');
    await page.click('#cp-test-start');
    const data = await pageData(page);
    await answer(page, 'app-name', data.questions['app-name'], 'itsme');
    await answer(page, 'who-helps', data.questions['who-helps'], { pin: 'pin' });
    const before = await shownTestQuestions(page);
    await page.reload();
    await page.waitForSelector('body.cp-js');
    assert.deepEqual(await shownTestQuestions(page), before);
    assert.equal(await page.inputValue('#q-app-name-input'), 'itsme');
    assert.equal(await page.inputValue('#q-who-helps-pin'), 'pin');
    assert.equal(await page.isVisible('#cp-test-submit'), true);
    await context.close();
  });

  test('without JavaScript every page reads in order and the test says why it is missing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + MODULE);
    assert.equal(await page.getAttribute('body', 'class'), 'cp-nojs');
    const sections = page.locator('.cp-page');
    const count = await sections.count();
    assert.equal(count, 4);
    for (let i = 0; i < count; i++) assert.equal(await sections.nth(i).isVisible(), true, `page ${i + 1} shows`);
    assert.match(await page.locator('#p-test').innerText(), /De eindtoets werkt alleen met JavaScript/);
    assert.equal(await page.isVisible('#cp-test-form'), false, 'no test that cannot be submitted');
    for (const hidden of ['.cp-progress', '#cp-prev', '#cp-next', '#cp-test-start']) {
      assert.equal(await page.isVisible(hidden), false, `${hidden} stays out of the way`);
    }
    await context.close();

    // axe needs script in the page, so this layout is checked with the runtime's files
    // refused instead: the page stays as it is without JavaScript (but for the noscript note).
    const blocked = await browser.newContext();
    await blocked.route('**/*.js', (route) => route.abort());
    const still = await blocked.newPage();
    await still.goto(server.url + MODULE);
    assert.equal(await still.getAttribute('body', 'class'), 'cp-nojs');
    await assertAccessible(still, 'module without its runtime');
    await blocked.close();
  });

  test('a saved state of another version, or a damaged one, starts afresh without an error', async () => {
    let storageKey;
    {
      const context = await browser.newContext();
      const { page } = await open(context);
      storageKey = (await pageData(page)).storageKey;
      await context.close();
    }
    const cases = [
      // The bookmark is kept apart from the state: a page id of this module stays valid.
      [{ state: { v: 99, seen: [true, true, true, true], page: 3, passed: true, attempts: 3 }, location: 'p-de-pincode' }, 'p-de-pincode'],
      [{ state: { seen: 'yes', page: 'three', answers: null, checks: [], attempts: {}, seed: 'x', passed: 1 }, location: 42 }, 'p-aanmelden-bij-de-overheid'],
      ['not json at all', 'p-aanmelden-bij-de-overheid'],
    ];
    for (const [value, shown] of cases) {
      const raw = typeof value === 'string' ? value : JSON.stringify(value);
      const context = await browser.newContext();
      await context.addInitScript(([key, text]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('seeded', '1');
        }
      }, [storageKey, raw]);
      const { page, errors } = await open(context);
      assert.deepEqual(errors, [], raw);
      assert.equal(await page.locator('.cp-page:not([hidden])').getAttribute('id'), shown, raw);
      assert.equal(await page.textContent('#cp-progress-text'), '25%', `only the page shown counts as seen: ${raw}`);
      await goToPage(page, 'p-test');
      assert.match(await page.textContent('#cp-test-attempts'), /U hebt nog 3 poging\(en\)\./, raw);
      assert.equal(await page.isVisible('#cp-test-start'), true, raw);
      const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey);
      assert.equal(stored.state.v, 1, 'the state is saved with its version');
      assert.equal(stored.state.passed, false);
      assert.equal(stored.state.attempts, 0);
      assert.equal(stored.location, 'p-test');
      await context.close();
    }
  });

  test('usable on a 320 px wide screen without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const { page } = await open(context);
    for (const id of ['p-aanmelden-bij-de-overheid', 'p-de-pincode', 'p-klaar-voor-de-toets', 'p-test']) {
      await goToPage(page, id);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${id} scrolls sideways by ${overflow}px`);
      await assertAccessible(page, `${id} at 320 px`);
    }
    // The table of the first page is wider than the screen: it scrolls inside the page, from
    // a tab stop; on a wide screen it fits and is no tab stop.
    await goToPage(page, 'p-aanmelden-bij-de-overheid');
    const table = page.locator('#p-aanmelden-bij-de-overheid table');
    assert.ok(await table.evaluate((t) => t.scrollWidth > t.clientWidth), 'the table needs more than 320 px');
    assert.equal(await table.getAttribute('tabindex'), '0');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => !document.querySelector('#p-aanmelden-bij-de-overheid table').hasAttribute('tabindex'));
    await context.close();
  });

  test('the page makes no network request outside the package', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
    await page.goto(server.url + MODULE);
    await page.waitForSelector('body.cp-js');
    assert.deepEqual(foreign, []);
    await context.close();
  });
});

describe('web build: every page of every module passes axe', () => {
  for (const course of ['examples/minimal', 'course']) {
    test(course, async (t) => {
      const built = await buildCourse(course, ['--format', 'web']);
      const site = await serveDir(built.outDir);
      try {
        const { readdirSync } = await import('node:fs');
        const sites = readdirSync(built.outDir).filter((d) => d.endsWith('-web'));
        assert.ok(sites.length > 0);
        const context = await browser.newContext();
        for (const dir of sites) {
          const menu = await context.newPage();
          await menu.goto(`${site.url}${dir}/index.html`);
          await assertAccessible(menu, `${dir} menu`);
          const modules = await menu.locator('.cp-menu a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          for (const href of modules) {
            const page = await context.newPage();
            await page.goto(`${site.url}${dir}/${href}`);
            await page.waitForSelector('body.cp-js');
            const ids = await page.locator('.cp-page').evaluateAll((els) => els.map((e) => e.id));
            for (const id of ids) {
              await goToPage(page, id);
              await assertAccessible(page, `${dir}/${href}#${id}`);
            }
            await page.close();
          }
          await menu.close();
        }
        await context.close();
      } finally {
        await site.close();
        await built.cleanup();
      }
    });
  }
});
