// cmi5 and TinCan packages against a real learning record store (ralph), with the LMS's
// part played by lib/lms-xapi.mjs. Every statement the LRS stored is checked with an xAPI
// validation library (xapi-validation) and against the cmi5 rules; a fault test stops the
// LRS mid-test and proves nothing is lost and nothing duplicated.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCourse, launchBrowser, repoRoot } from './lib/harness.mjs';
import { startRalph } from './lib/lrs.mjs';
import { startXapiLms } from './lib/lms-xapi.mjs';
import { answer, pageData, rightAnswer, shownTestQuestions, takeModule, wrongAnswer } from './lib/learner.mjs';

const validate = createRequire(import.meta.url)('xapi-validation').default;
const COURSES = ['examples/all-question-types', 'examples/minimal', 'course'].filter((c) => existsSync(path.join(repoRoot, c, 'modules')));
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const verb = (s) => s.verb.id.split('/').pop();
const categories = (s) => (s.context?.contextActivities?.category || []).map((c) => c.id);

let browser, lrs;
before(async () => { browser = await launchBrowser(); lrs = await startRalph(); });
after(async () => { await browser?.close(); await lrs?.stop(); });

function aus(dir) {
  const xml = readFileSync(path.join(dir, 'cmi5.xml'), 'utf8');
  return [...xml.matchAll(/<au id="([^"]+)"([^>]*)>[\s\S]*?<url>([^<]+)<\/url>/g)].map((m) => ({
    id: m[1], url: m[3],
    moveOn: m[2].match(/moveOn="(\w+)"/)[1],
    masteryScore: Number((m[2].match(/masteryScore="([\d.]+)"/) || [])[1] ?? NaN),
  }));
}

function actor(name) {
  return { objectType: 'Agent', name, account: { homePage: 'https://lms.example.org', name } };
}


async function settled(page) {
  await page.waitForFunction(() => !window.Coursepack?.pending, null, { timeout: 15000 });
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('coursepack-xapi-queue:')), null, { timeout: 15000 });
}

function assertValid(statements) {
  for (const s of statements) {
    const warnings = validate(s);
    assert.deepEqual(warnings, [], `${verb(s)} ${s.id} is not valid xAPI`);
  }
}

/** The cmi5 rules an LMS checks, for one session. */
function assertCmi5Session(all, session, { mastery, test, normal = true }) {
  const au = all.filter((s) => verb(s) !== 'launched' && s.context?.extensions?.[SESSION] === session);
  assert.ok(au.length >= 2, 'the session has statements');
  assert.equal(verb(au[0]), 'initialized', 'initialized first');
  assert.equal(verb(au.at(-1)), 'terminated', 'terminated last');
  for (const v of ['initialized', 'terminated', 'completed', 'passed', 'failed']) {
    assert.ok(au.filter((s) => verb(s) === v).length <= 1, `${v} at most once`);
  }
  assert.ok(au.filter((s) => ['passed', 'failed'].includes(verb(s))).length <= 1, 'one of passed or failed');
  for (const s of au) {
    const defined = ['initialized', 'terminated', 'completed', 'passed', 'failed'].includes(verb(s));
    assert.equal(categories(s).includes(CMI5), defined, `${verb(s)}: cmi5 category only on cmi5 defined statements`);
    assert.equal(categories(s).includes(MOVEON), ['completed', 'passed', 'failed'].includes(verb(s)), `${verb(s)}: moveon category`);
    assert.ok(s.context.registration, 'registration on every statement');
    assert.ok(s.context.contextActivities.grouping.length > 0, 'the publisher grouping is kept');
  }
  const outcome = au.find((s) => ['passed', 'failed'].includes(verb(s)));
  if (!normal) {
    assert.deepEqual(au.filter((s) => ['completed', 'passed', 'failed'].includes(verb(s))), [], 'no credit statements outside Normal mode');
    return au;
  }
  if (test) {
    assert.ok(outcome, 'a passed or failed statement');
    assert.equal(outcome.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], mastery);
    assert.equal(outcome.result.success, verb(outcome) === 'passed');
    assert.equal(verb(outcome) === 'passed', outcome.result.score.scaled >= mastery, 'pass/fail agrees with the mastery score');
    assert.match(outcome.result.duration, /^PT/);
  } else {
    assert.equal(outcome, undefined);
  }
  return au;
}

for (const course of COURSES) {
  describe(`cmi5: ${course}`, () => {
    let build, lms;
    before(async () => {
      build = await buildCourse(course, ['--format', 'cmi5', '--lang', 'fr']);
      const zip = readdirSync(build.outDir).find((f) => f.endsWith('-cmi5.zip'));
      lms = await startXapiLms(path.join(build.outDir, zip), lrs);
    });
    after(async () => { await lms?.close(); await build?.cleanup(); });

    test('every AU: right, wrong and Browse mode, with valid statements that follow cmi5', async () => {
      for (const au of aus(lms.dir)) {
        const test = !Number.isNaN(au.masteryScore);
        for (const [pick, mode] of [[rightAnswer, 'Normal'], [wrongAnswer, 'Normal'], [rightAnswer, 'Browse']]) {
          const context = await browser.newContext();
          const page = await context.newPage();
          const registration = crypto.randomUUID();
          const launch = await lms.launchCmi5(au, { actor: actor('an.peeters'), registration, launchMode: mode, masteryScore: test ? au.masteryScore : undefined, returnURL: lms.url + 'lms/done.html' });
          await page.goto(launch.url);
          await page.waitForFunction(() => document.querySelector('#cp-progress-text')?.textContent !== '');
          const taken = await takeModule(page, pick);
          await settled(page);
          await Promise.all([page.waitForURL(/lms\/done\.html/), page.click('#cp-exit')]);
          await context.close();
          const all = await lrs.statements((s) => s.context?.registration === registration);
          assertValid(all);
          const session = assertCmi5Session(all, launch.session, { mastery: au.masteryScore, test, normal: mode === 'Normal' });
          const defined = session.filter((s) => categories(s).includes(CMI5));
          assert.ok(defined.every((s) => s.object.id === launch.activityId), 'defined statements are about the launched activity');
          assert.ok(session.some((s) => verb(s) === 'progressed') || mode !== 'Normal', 'page progress is reported');
          const answered = session.filter((s) => verb(s) === 'answered');
          assert.equal(answered.length, taken.asked.length, 'one answered statement per asked question');
          for (const s of answered) {
            const id = s.object.id.split('/').pop();
            const q = taken.data.questions[id];
            assert.equal(s.object.definition.interactionType, q.xapi.type);
            assert.deepEqual(s.object.definition.correctResponsesPattern, q.xapi.patterns);
            assert.equal(s.result.success, pick === rightAnswer, `${id} success`);
            if (pick === rightAnswer) assert.ok(q.xapi.patterns.some((p) => p.replace(/^\{[^}]*\}/, '') === s.result.response) || q.type === 'multiple' || q.type === 'numeric', `${id}: response ${s.result.response}`);
          }
          if (mode === 'Normal') {
            const verbs = session.map(verb);
            assert.ok(verbs.includes('completed'), 'completed once every page was seen');
            if (test) assert.equal(verbs.includes('passed'), pick === rightAnswer);
          }
        }
      }
    });
  });
}

describe('cmi5: nothing lost, nothing duplicated when the LRS goes away', () => {
  let build, lms;
  before(async () => {
    build = await buildCourse('examples/all-question-types', ['--format', 'cmi5', '--lang', 'nl']);
    const zip = readdirSync(build.outDir).find((f) => f.endsWith('-cmi5.zip'));
    lms = await startXapiLms(path.join(build.outDir, zip), lrs);
  });
  after(async () => { await lms?.close(); await build?.cleanup(); });

  test('statements queued while the LRS fails are sent once, in order, on relaunch', async () => {
    const au = aus(lms.dir)[0];
    const registration = crypto.randomUUID();
    const context = await browser.newContext();
    let page = await context.newPage();
    const first = await lms.launchCmi5(au, { actor: actor('jan.janssens'), registration, masteryScore: au.masteryScore });
    await page.goto(first.url);
    await page.waitForFunction(() => document.querySelector('#cp-progress-text')?.textContent !== '');
    await settled(page);
    lms.state.fault = '503';
    await takeModule(page, rightAnswer);
    await page.waitForFunction(() => /Geen verbinding/.test(document.getElementById('cp-tracking').textContent));
    lms.state.fault = 'down';
    await page.click('#cp-exit');
    await page.close();
    lms.state.fault = null;

    page = await context.newPage();
    const second = await lms.launchCmi5(au, { actor: actor('jan.janssens'), registration, masteryScore: au.masteryScore });
    await page.goto(second.url);
    await page.waitForFunction(() => document.querySelector('#cp-progress-text')?.textContent !== '');
    await settled(page);
    assert.match(await page.textContent('#cp-test-result'), /Uw score: 100%/, 'the learner finds their result');
    await page.click('#cp-exit');
    await settled(page).catch(() => {});
    await page.waitForTimeout(500);
    await context.close();

    const all = await lrs.statements((s) => s.context?.registration === registration);
    assertValid(all);
    const ids = all.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, 'no statement stored twice');
    const firstSession = assertCmi5Session(all, first.session, { mastery: au.masteryScore, test: true });
    const credit = (list) => list.map(verb).filter((v) => !['answered', 'progressed'].includes(v));
    assert.deepEqual(credit(firstSession), ['initialized', 'completed', 'passed', 'terminated']);
    assert.equal(firstSession.filter((s) => verb(s) === 'answered').length, 7, 'every answer arrived');
    const secondSession = all.filter((s) => s.context?.extensions?.[SESSION] === second.session && verb(s) !== 'launched');
    assert.deepEqual(credit(secondSession), ['initialized', 'terminated'], 'no completed/passed repeated');
    assert.ok(lms.state.requests.some((r) => r.method === 'POST'), 'statements went through the LMS');
  });
});

describe('TinCan', () => {
  let build, lms;
  before(async () => {
    build = await buildCourse('examples/all-question-types', ['--format', 'tincan', '--lang', 'de']);
    const zip = readdirSync(build.outDir).find((f) => f.endsWith('-tincan.zip'));
    lms = await startXapiLms(path.join(build.outDir, zip), lrs);
  });
  after(async () => { await lms?.close(); await build?.cleanup(); });

  test('the menu passes the launch on; module statements reach the LRS valid, under the root activity', async () => {
    const registration = crypto.randomUUID();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(lms.launchTincan({ actor: { objectType: 'Agent', name: 'Lea Schmitz', mbox: 'mailto:lea@example.org' }, registration }));
    await page.click('.cp-menu a');
    await page.waitForFunction(() => document.querySelector('#cp-progress-text')?.textContent !== '');
    const { asked } = await takeModule(page, rightAnswer);
    await settled(page);
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await context.close();
    const xml = readFileSync(path.join(lms.dir, 'tincan.xml'), 'utf8');
    const root = xml.match(/<activity id="([^"]+)"/)[1];
    const all = await lrs.statements((s) => s.context?.registration === registration);
    assertValid(all);
    const verbs = all.map(verb);
    assert.equal(verbs[0], 'initialized');
    assert.equal(verbs.at(-1), 'terminated');
    assert.equal(verbs.filter((v) => v === 'answered').length, asked.length);
    assert.ok(verbs.includes('passed') && verbs.includes('completed'));
    const pages = all.filter((s) => verb(s) === 'progressed');
    assert.ok(pages.length >= 2, 'page progress is reported');
    assert.ok(pages.every((s) => Number.isInteger(s.result.extensions['https://w3id.org/xapi/cmi5/result/extensions/progress'])));
    assert.ok(all.every((s) => s.context.contextActivities.parent[0].id === root), 'every statement names the root activity of tincan.xml');
  });
});
