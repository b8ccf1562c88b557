// Shared pieces of the end-to-end suite: the coursepack binary, a static server on
// 127.0.0.1, headless Chromium (Debian's package, driven by playwright-core) and axe-core.
// Everything a test starts, it stops: servers are closed and browsers quit in `after` hooks.

import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const binary = process.env.COURSEPACK_BIN || path.join(repoRoot, 'target', 'debug', 'coursepack');

/** Runs `coursepack build` on a course of the repository into a fresh temporary folder.
    Resolves { outDir, stdout, stderr, cleanup }; the caller awaits `cleanup()` in an `after`
    hook. On a non-zero exit the folder is removed and the error carries stderr. */
export async function buildCourse(courseDir, args = []) {
  const outDir = await mkdtemp(path.join(tmpdir(), 'coursepack-e2e-'));
  const cleanup = () => rm(outDir, { recursive: true, force: true });
  try {
    const { stdout, stderr } = await new Promise((resolve, reject) => {
      execFile(binary, ['build', path.resolve(repoRoot, courseDir), '--out', outDir, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
        if (error?.code === 'ENOENT') reject(new Error(`${binary} does not exist: run \`cargo build\` first (or set COURSEPACK_BIN)`));
        else if (error) reject(new Error(`coursepack build ${courseDir} ${args.join(' ')} failed (exit ${error.code}):\n${stderr}`));
        else resolve({ stdout, stderr });
      });
    });
    return { outDir, stdout, stderr, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** Runs `fn(dir)` with a fresh temporary folder and removes the folder afterwards, whatever
    `fn` did; resolves what `fn` resolved. */
export async function withTempDir(fn) {
  const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-e2e-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.mp4': 'video/mp4', '.webm': 'video/webm', '.vtt': 'text/vtt',
  '.mp3': 'audio/mpeg', '.pdf': 'application/pdf', '.json': 'application/json', '.xml': 'application/xml',
};

/** Serves `rootDir` on 127.0.0.1 (a free port); `routes` may answer some paths itself:
    `{ '/api/x': async (req, res, body, url) => … }`, or every path under a prefix with a
    key ending in `*`. Resolves { url, close }. */
export async function serveDir(rootDir, routes = {}) {
  // Symbolic links are resolved on both sides, so a link inside the folder cannot reach out.
  const root = await realpath(rootDir);
  const inside = (file) => file === root || file.startsWith(root + path.sep);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const route = routes[url.pathname] ?? Object.entries(routes).find(([k]) => k.endsWith('*') && url.pathname.startsWith(k.slice(0, -1)))?.[1];
      if (route) {
        const chunks = [];
        for await (const c of req) chunks.push(c);
        return await route(req, res, Buffer.concat(chunks).toString('utf8'), url);
      }
      const requested = path.resolve(root, '.' + decodeURIComponent(url.pathname));
      if (!inside(requested)) throw Object.assign(new Error('outside'), { status: 403 });
      const file = await realpath(requested);
      if (!inside(file)) throw Object.assign(new Error('outside'), { status: 403 });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { status: 404 });
      res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream' });
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(e.status || 404, { 'content-type': 'text/plain' });
      res.end(e.status === 403 ? 'forbidden' : 'not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/** Headless Chromium from Debian's package (playwright-core downloads no browser). The
    background-networking switches keep Chromium from dialling out, which the CI machine refuses.
    Each launch gets its own throw-away profile; the caller closes the browser in `after`. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; resolves the violations. */
export async function runAxe(page) {
  const axePath = path.join(repoRoot, 'tests', 'e2e', 'node_modules', 'axe-core', 'axe.min.js');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations;
}

/** A readable summary of axe violations, for assertion messages: one block per rule with
    its impact and help text, then the first three offending elements. */
export function formatViolations(violations) {
  if (violations.length === 0) return 'no accessibility violations';
  return violations.map((v) => {
    const more = v.nodes.length > 3 ? `\n    … and ${v.nodes.length - 3} more` : '';
    const targets = v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}`).join('\n');
    return `${v.id} (${v.impact}): ${v.help}\n${targets}${more}`;
  }).join('\n');
}

// Kept here too for the tests that import it from the harness.
export { schemasDir } from './xmllint.mjs';
