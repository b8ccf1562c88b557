// The harness itself, on tiny pages written here: if the server, Chromium or axe-core were set
// up wrongly (axe never injected, a rule set that matches nothing), every other suite would
// pass without judging anything. These tests fail instead.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCourse, formatViolations, launchBrowser, repoRoot, runAxe, serveDir, withTempDir } from './lib/harness.mjs';

const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>
`;

// A 1×1 transparent PNG, so the broken page fails on its missing alt text and nothing else.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A GET sent exactly as written: fetch() and URL would normalise `..` away before sending. */
function rawGet(base, rawPath) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('harness', () => {
  let site, outside, server, browser;
  before(async () => {
    site = await mkdtemp(path.join(tmpdir(), 'coursepack-harness-'));
    outside = await mkdtemp(path.join(tmpdir(), 'coursepack-harness-outside-'));
    await writeFile(path.join(outside, 'secret.txt'), 'not for the browser');
    await mkdir(path.join(site, 'sub'));
    await writeFile(path.join(site, 'clean.html'), page('Clean page', '<p>Nothing wrong here.</p><img src="pixel.png" alt="A single dot">'));
    await writeFile(path.join(site, 'broken.html'), page('Broken page', '<p>One image lacks its text alternative.</p><img src="pixel.png">'));
    await writeFile(path.join(site, 'pixel.png'), PIXEL);
    await writeFile(path.join(site, 'sub', 'data.json'), '{"ok":true}');
    await writeFile(path.join(site, 'sub', 'style.css'), 'p { color: #000; }');
    await symlink(path.join(outside, 'secret.txt'), path.join(site, 'link.txt'));
    server = await serveDir(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(site, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  test('the server listens on 127.0.0.1 and sends files with their content types', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const [file, type] of [['clean.html', 'text/html'], ['pixel.png', 'image/png'], ['sub/data.json', 'application/json'], ['sub/style.css', 'text/css']]) {
      const res = await fetch(server.url + file);
      assert.equal(res.status, 200, file);
      assert.ok(res.headers.get('content-type').startsWith(type), `${file}: ${res.headers.get('content-type')}`);
    }
    assert.equal(await (await fetch(server.url + 'sub/data.json')).text(), '{"ok":true}');
  });

  test('the server lists no folder, answers 404 for a missing file and serves nothing outside its folder', async () => {
    assert.equal((await fetch(server.url)).status, 404);
    assert.equal((await fetch(server.url + 'sub/')).status, 404);
    assert.equal((await fetch(server.url + 'missing.html')).status, 404);
    // A plain `..` is clamped to the root by URL parsing (404); an encoded one gets past the
    // parser and must be refused by the containment check (403).
    const escape = path.basename(outside) + '/secret.txt';
    assert.equal(await rawGet(server.url, `/../${escape}`), 404);
    assert.equal(await rawGet(server.url, `/..%2f${escape.replace('/', '%2f')}`), 403);
    assert.equal(await rawGet(server.url, `/sub/%2e%2e%2f%2e%2e%2f${escape.replace('/', '%2f')}`), 403);
    assert.equal((await fetch(server.url + 'link.txt')).status, 403, 'a symbolic link pointing outside');
  });

  test('Chromium opens a served page', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(server.url + 'clean.html');
      assert.equal(await tab.title(), 'Clean page');
      assert.equal(await tab.evaluate(() => document.querySelector('img').naturalWidth), 1, 'the image loaded');
    } finally {
      await tab.close();
    }
  });

  test('axe reports an image without a text alternative', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(server.url + 'broken.html');
      const violations = await runAxe(tab);
      const ids = violations.map((v) => v.id);
      assert.ok(ids.includes('image-alt'), `expected image-alt among: ${formatViolations(violations)}`);
      const summary = formatViolations(violations);
      assert.match(summary, /^image-alt \(critical\): /m);
      assert.match(summary, /^ {4}img$/m, 'the offending element is named');
    } finally {
      await tab.close();
    }
  });

  test('axe reports nothing on a clean page', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(server.url + 'clean.html');
      const violations = await runAxe(tab);
      assert.deepEqual(violations, [], formatViolations(violations));
      assert.equal(formatViolations(violations), 'no accessibility violations');
    } finally {
      await tab.close();
    }
  });
});

test('withTempDir removes its folder, also when the function throws', async () => {
  let kept;
  assert.equal(await withTempDir(async (dir) => { kept = dir; await writeFile(path.join(dir, 'f'), 'x'); return 42; }), 42);
  assert.equal(existsSync(kept), false);
  await assert.rejects(withTempDir(async (dir) => { kept = dir; throw new Error('boom'); }), /boom/);
  assert.equal(existsSync(kept), false);
});

const binary = process.env.COURSEPACK_BIN || path.join(repoRoot, 'target', 'debug', 'coursepack');
const noBinary = existsSync(binary) ? false : `${binary} does not exist (run cargo build first)`;

// Skipped test by test: node counts a skipped suite as zero skipped.
describe('buildCourse', () => {
  test('builds a course into a fresh folder that cleanup removes', { skip: noBinary }, async () => {
    const build = await buildCourse('examples/minimal');
    try {
      assert.ok((await readdir(build.outDir)).length > 0, 'the output folder has something in it');
      assert.equal(typeof build.stdout, 'string');
      assert.equal(typeof build.stderr, 'string');
    } finally {
      await build.cleanup();
    }
    assert.equal(existsSync(build.outDir), false);
  });

  test('rejects with coursepack\'s stderr when the build fails', { skip: noBinary }, async () => {
    await assert.rejects(buildCourse('tests/e2e/no-such-course'), (e) => {
      assert.match(e.message, /failed \(exit 1\)/);
      assert.match(e.message, /no-such-course/, 'the message carries stderr');
      return true;
    });
  });
});
