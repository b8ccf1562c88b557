// The real learning record store of the xAPI tests: ralph (ralph-malph from PyPI), started
// on 127.0.0.1 with a throw-away filesystem backend, and stopped by its process id.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const python = process.env.RALPH_PYTHON || path.join(repoRoot, '.venv', 'bin', 'python');

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts ralph; resolves { url (ending in /xAPI/), auth (Basic header), statements(query), stop }. */
export async function startRalph() {
  const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-ralph-'));
  const port = await freePort();
  const user = 'coursepack', password = 'e2e-' + Math.random().toString(36).slice(2);
  const child = spawn(python, [path.join(repoRoot, 'tests', 'e2e', 'lrs', 'run_ralph.py'), String(port), dir, user, password], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}/xAPI/`;
  const auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
  const headers = { Authorization: auth, 'X-Experience-API-Version': '1.0.3' };
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(url + 'statements?limit=1', { headers });
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (child.exitCode !== null || i > 150) throw new Error(`ralph did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url, auth, pid: child.pid,
    /** Every stored statement matching `filter`, oldest first. */
    async statements(filter = () => true) {
      const all = [];
      let next = url + 'statements?limit=500';
      while (next) {
        const r = await fetch(next, { headers });
        const body = await r.json();
        all.push(...body.statements);
        next = body.more ? new URL(body.more, url).href : null;
      }
      return all.filter(filter).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    },
    async stop() {
      if (child.exitCode === null) {
        process.kill(child.pid, 'SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
