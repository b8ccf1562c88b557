// SCORM 1.2 packages under a real LMS runtime (scorm-again) in headless Chromium: every
// module of the examples and of the bundled course is launched, paged through, its test
// answered all right and all wrong, closed and relaunched, with every value the SCO writes
// checked against the SCORM 1.2 types and limits. Also: the SCO two frames deep, and in a
// pop-up window.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildCourse, launchBrowser, repoRoot } from './lib/harness.mjs';
import { nextLaunch, startLms } from './lib/lms-scorm12.mjs';
import { checkSet } from './lib/scorm12-rules.mjs';
import { answer, goToPage, pageData, rightAnswer, shownTestQuestions, takeModule, wrongAnswer } from './lib/learner.mjs';
import { readFileSync } from 'node:fs';

const COURSES = ['examples/all-question-types', 'examples/minimal', 'course']
  .filter((c) => existsSync(path.join(repoRoot, c, 'modules')));

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Items of a manifest: module id, SCO href and mastery score. */
function items(dir) {
  const xml = readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
  return [...xml.matchAll(/<item identifier="ITEM-([a-z0-9-]+)"[^>]*>[\s\S]*?<\/item>/g)].map((m) => ({
    id: m[1],
    href: `modules/${m[1]}/index.html`,
    mastery: (m[0].match(/<adlcp:masteryscore>(\d+)<\/adlcp:masteryscore>/) || [])[1] ?? null,
  }));
}

/** Opens the host page, launches the SCO and resolves its frame (or pop-up page). */
async function launch(page, lms, item, cmi, mode = 'frame') {
  await page.goto(lms.url + '__lms/host.html');
  const popup = mode === 'popup' ? page.waitForEvent('popup') : null;
  await page.evaluate(([cmi, href, mode]) => window.__lms.launch(cmi, '/' + href, mode), [cmi, item.href, mode]);
  let sco;
  if (popup) {
    sco = await popup;
  } else {
    for (let i = 0; i < 100 && !sco; i++) {
      sco = page.frames().find((f) => f.url().includes(item.href));
      if (!sco) await page.waitForTimeout(50);
    }
  }
  await sco.waitForSelector('body.cp-js');
  await sco.waitForFunction(() => document.querySelector('#cp-progress-text')?.textContent !== '');
  return sco;
}

async function calls(page) {
  return page.evaluate(() => window.__lms.calls);
}


function sets(log) {
  return log.filter((c) => c.name === 'LMSSetValue').map((c) => ({ element: c.args[0], value: c.args[1], ok: c.result === 'true' }));
}

/** The checks every launch must pass. */
function assertCleanSession(log) {
  assert.equal(log.filter((c) => c.name === 'LMSInitialize').length, 1, 'LMSInitialize exactly once');
  assert.equal(log.filter((c) => c.name === 'LMSFinish').length, 1, 'LMSFinish exactly once');
  assert.equal(log.at(-1).name, 'LMSFinish', 'nothing after LMSFinish');
  const errors = log.filter((c) => c.error !== '0');
  assert.deepEqual(errors, [], 'no call sets an LMS error');
  const types = {};
  const invalid = sets(log).map((s) => checkSet(s.element, s.value, types)).filter(Boolean);
  assert.deepEqual(invalid, [], 'every value fits its SCORM 1.2 type and length');
}

function lastSet(log, element) {
  return sets(log).filter((s) => s.element === element).at(-1)?.value;
}

for (const course of COURSES) {
  describe(`SCORM 1.2: ${course}`, () => {
    let build, lms, zip;
    before(async () => {
      build = await buildCourse(course, ['--format', 'scorm12', '--lang', 'nl']);
      zip = readdirSync(build.outDir).filter((f) => f.endsWith('-scorm12.zip')).map((f) => path.join(build.outDir, f));
    });
    after(async () => { await build?.cleanup(); });

    test('every module: all right, all wrong, close and resume', async () => {
      for (const file of zip) {
        lms = await startLms(file);
        try {
          for (const item of items(lms.dir)) {
            const context = await browser.newContext();
            const page = await context.newPage();
            const mastery = item.mastery == null ? null : Number(item.mastery);

            // A learner who gets everything right.
            let sco = await launch(page, lms, item, nextLaunch(null, { masteryScore: mastery }));
            const right = await takeModule(sco, rightAnswer);
            await sco.click('#cp-exit');
            let log = await calls(page);
            assertCleanSession(log);
            assert.equal(sets(log).find((s) => s.element === 'cmi.core.lesson_status').value, 'incomplete', `${item.id}: incomplete first`);
            if (right.data.test) {
              assert.equal(lastSet(log, 'cmi.core.lesson_status'), 'passed', `${item.id}: passed`);
              assert.equal(lastSet(log, 'cmi.core.score.raw'), '100');
              const firstScore = log.findIndex((c) => c.name === 'LMSSetValue' && c.args[0] === 'cmi.core.score.raw');
              const lastInteraction = log.findLastIndex((c) => c.name === 'LMSSetValue' && c.args[0].startsWith('cmi.interactions.'));
              assert.ok(firstScore > lastInteraction, 'the score is written only once the test is over');
              const ids = sets(log).filter((s) => /^cmi\.interactions\.\d+\.id$/.test(s.element)).map((s) => s.value);
              assert.deepEqual(ids, right.asked, 'one interaction per asked question, in order');
              for (const [n, id] of ids.entries()) {
                const q = right.data.questions[id];
                assert.equal(lastSet(log, `cmi.interactions.${n}.type`), q.scorm.type);
                assert.equal(lastSet(log, `cmi.interactions.${n}.correct_responses.0.pattern`), q.scorm.pattern);
                assert.equal(lastSet(log, `cmi.interactions.${n}.result`), 'correct', `${id} is right`);
              }
              assert.equal(lastSet(log, 'cmi.core.exit'), '', 'passed: nothing to resume');
            } else {
              assert.equal(lastSet(log, 'cmi.core.lesson_status'), 'completed', `${item.id}: completed after every page`);
              assert.equal(lastSet(log, 'cmi.core.score.raw'), undefined, 'no score without a test');
            }
            const kept = await page.evaluate(() => window.__lms.cmi());
            assert.equal(kept.core.lesson_status, right.data.test ? 'passed' : 'completed', 'scorm-again kept the status');

            // A learner who gets everything wrong.
            await page.evaluate(() => { window.__lms.calls.length = 0; });
            sco = await launch(page, lms, item, nextLaunch(null, { masteryScore: mastery, studentId: 'learner-2' }));
            const wrong = await takeModule(sco, wrongAnswer);
            await sco.click('#cp-exit');
            log = await calls(page);
            assertCleanSession(log);
            if (wrong.data.test) {
              assert.equal(lastSet(log, 'cmi.core.lesson_status'), 'failed');
              assert.equal(lastSet(log, 'cmi.core.score.raw'), '0');
              assert.ok(sets(log).filter((s) => /\.result$/.test(s.element)).every((s) => s.value === 'wrong'));
              assert.equal(lastSet(log, 'cmi.core.exit'), 'suspend', 'failed with attempts left: resumable');
            }

            // A learner who stops on page 2 (and mid-test when there is one) and comes back.
            await page.evaluate(() => { window.__lms.calls.length = 0; });
            sco = await launch(page, lms, item, nextLaunch(null, { masteryScore: mastery, studentId: 'learner-3' }));
            const pages = await sco.locator('.cp-page').evaluateAll((els) => els.map((e) => e.id));
            let given = null;
            let visited = 1;
            if (right.data.test) {
              for (let i = 1; i < pages.length; i++) await sco.click('#cp-next');
              await sco.click('#cp-test-start');
              const first = (await shownTestQuestions(sco))[0];
              given = { id: first, response: rightAnswer(right.data.questions[first]) };
              await answer(sco, first, right.data.questions[first], given.response);
            } else if (pages.length > 1) {
              await sco.click('#cp-next');
              visited = 2;
            }
            const finished = !right.data.test && visited === pages.length;
            const here = await sco.locator('.cp-page:not([hidden])').getAttribute('id');
            const order = right.data.test ? await shownTestQuestions(sco) : [];
            await page.evaluate(() => window.__lms.unload());
            await page.waitForFunction(() => window.__lms.calls.some((c) => c.name === 'LMSFinish'));
            log = await calls(page);
            assertCleanSession(log);
            assert.equal(lastSet(log, 'cmi.core.exit'), finished ? '' : 'suspend', 'closing mid-module suspends');
            const keptMid = await page.evaluate(() => window.__lms.cmi());
            assert.notEqual(keptMid.core.score.raw, '100', 'no score before the test is taken');

            await page.evaluate(() => { window.__lms.calls.length = 0; });
            const relaunch = nextLaunch(keptMid, { masteryScore: mastery, studentId: 'learner-3' });
            assert.equal(relaunch.core.entry, finished ? '' : 'resume');
            sco = await launch(page, lms, item, relaunch);
            assert.equal(await sco.locator('.cp-page:not([hidden])').getAttribute('id'), here, 'back on the same page');
            if (given) {
              assert.deepEqual(await shownTestQuestions(sco), order, 'the same questions in the same order');
              const data = await pageData(sco);
              const q = data.questions[given.id];
              if (q.type === 'fill-in' || q.type === 'numeric') assert.equal(await sco.inputValue(`#q-${given.id}-input`), String(given.response));
            }
            await sco.click('#cp-exit');
            assertCleanSession(await calls(page));
            await context.close();
          }
        } finally {
          await lms.close();
        }
      }
    });
  });
}

describe('SCORM 1.2: how LMSs launch a SCO', () => {
  let build, lms, item;
  before(async () => {
    build = await buildCourse('examples/all-question-types', ['--format', 'scorm12', '--lang', 'fr']);
    const file = readdirSync(build.outDir).find((f) => f.endsWith('-scorm12.zip'));
    lms = await startLms(path.join(build.outDir, file));
    item = items(lms.dir)[0];
  });
  after(async () => { await lms?.close(); await build?.cleanup(); });

  for (const mode of ['nested', 'popup']) {
    test(`the API is found with the SCO ${mode === 'nested' ? 'two frames deep' : 'in a pop-up window'}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sco = await launch(page, lms, item, nextLaunch(null, { masteryScore: 80 }), mode);
      assert.equal(await sco.textContent('#cp-tracking'), '', 'no "not recorded" notice');
      await takeModule(sco, rightAnswer);
      await sco.click('#cp-exit');
      const log = await calls(page);
      assertCleanSession(log);
      assert.equal(lastSet(log, 'cmi.core.lesson_status'), 'passed');
      await context.close();
    });
  }

  test('without an LMS the module runs standalone and says results are not recorded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lms.url + item.href);
    await page.waitForFunction(() => document.getElementById('cp-tracking').textContent !== '');
    assert.match(await page.textContent('#cp-tracking'), /Pas de connexion avec la plateforme de formation/);
    await context.close();
  });
});

describe('SCORM 1.2: --sco-per package', () => {
  let build;
  before(async () => {
    build = await buildCourse(existsSync(path.join(repoRoot, 'course', 'modules')) ? 'course' : 'examples/all-question-types', ['--format', 'scorm12', '--lang', 'nl', '--sco-per', 'package']);
  });
  after(async () => { await build?.cleanup(); });

  test('each package is one SCO with a module menu, tracked as one score', async () => {
    for (const file of readdirSync(build.outDir).filter((f) => f.endsWith('-scorm12.zip'))) {
      const lms = await startLms(path.join(build.outDir, file));
      try {
        const all = items(lms.dir);
        assert.equal(all.length, 1, `${file}: one item`);
        const context = await browser.newContext();
        const page = await context.newPage();
        const sco = await launch(page, lms, all[0], nextLaunch(null, { masteryScore: Number(all[0].mastery) }));
        const links = await sco.locator('.cp-module-menu a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.ok(links.length >= 1, 'the overview lists the modules');
        await sco.click(`.cp-module-menu a[href="${links.at(-1)}"]`);
        assert.equal('#' + (await sco.locator('.cp-page:not([hidden])').getAttribute('id')), links.at(-1), 'a menu link turns to that module');
        await goToPage(sco, 'p-overview');
        const { data, asked } = await takeModule(sco, rightAnswer);
        await sco.click('#cp-exit');
        const log = await calls(page);
        assertCleanSession(log);
        if (data.test) {
          assert.equal(lastSet(log, 'cmi.core.lesson_status'), 'passed');
          assert.equal(lastSet(log, 'cmi.core.score.raw'), '100');
          assert.equal(sets(log).filter((s) => /^cmi\.interactions\.\d+\.id$/.test(s.element)).length, asked.length);
        } else {
          assert.equal(lastSet(log, 'cmi.core.lesson_status'), 'completed');
        }
        await context.close();
      } finally {
        await lms.close();
      }
    }
  });
});
