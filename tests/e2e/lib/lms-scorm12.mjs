// A SCORM 1.2 LMS for the tests: scorm-again's Scorm12API on a host page, recording every
// call, with the SCO in an iframe (optionally two frames deep) or in a pop-up window, as LMSs
// launch them. Between launches the test keeps the data the LMS kept (scorm-again's CMI), and
// sets cmi.core.entry the way Moodle does: `resume` only after exit = `suspend`.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, serveDir } from './harness.mjs';

const run = promisify(execFile);

const HOST = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/__lms/scorm12.js"></script></head><body><main id="lms"></main><script>
window.__lms = {
  calls: [],
  launch(cmi, sco, mode) {
    const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
    api.loadFromJSON(cmi);
    const calls = this.calls;
    const wrapped = {};
    for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']) {
      wrapped[name] = (...args) => {
        const result = api[name](...args);
        const error = name === 'LMSGetLastError' ? '0' : String(api.LMSGetLastError());
        if (name !== 'LMSGetLastError') calls.push({ name, args, result: String(result), error });
        return result;
      };
    }
    window.API = wrapped;
    this.api = api;
    const lms = document.getElementById('lms');
    if (mode === 'popup') {
      this.popup = window.open(sco, 'sco');
    } else if (mode === 'nested') {
      lms.innerHTML = '<iframe title="player" style="width:100%;height:90vh" src="/__lms/frame.html?src=' + encodeURIComponent(sco) + '"></iframe>';
    } else {
      lms.innerHTML = '<iframe title="course" style="width:100%;height:90vh" src="' + sco + '"></iframe>';
    }
  },
  unload() { document.getElementById('lms').innerHTML = ''; if (this.popup) this.popup.close(); },
  cmi() { return JSON.parse(JSON.stringify(this.api.renderCommitCMI(true))).cmi; },
};
</script></body></html>`;

const FRAME = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Player frame</title></head><body>
<script>const src = new URL(location.href).searchParams.get('src');
document.write('<iframe title="course" style="width:100%;height:85vh" src="' + src.replace(/"/g, '') + '"></iframe>');</script></body></html>`;

/** Unpacks a SCORM zip and serves it beside the test LMS. */
export async function startLms(zipPath) {
  const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-lms-'));
  await run('unzip', ['-q', zipPath, '-d', dir]);
  const lib = await readFile(path.join(repoRoot, 'tests', 'e2e', 'node_modules', 'scorm-again', 'dist', 'scorm12.js'));
  const send = (type, body) => (req, res) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
  const server = await serveDir(dir, {
    '/__lms/scorm12.js': send('text/javascript', lib),
    '/__lms/host.html': send('text/html; charset=utf-8', HOST),
    '/__lms/frame.html': send('text/html; charset=utf-8', FRAME),
  });
  return {
    dir,
    url: server.url,
    close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); },
  };
}

/** What the LMS keeps between two launches, and the next launch's starting CMI. */
export function nextLaunch(previous, { masteryScore, studentId = 'learner-1' }) {
  const core = previous?.core ?? {};
  return {
    core: {
      student_id: studentId,
      student_name: 'Peeters, An',
      lesson_status: core.lesson_status || 'not attempted',
      lesson_location: core.lesson_location || '',
      entry: previous ? (core.exit === 'suspend' ? 'resume' : '') : 'ab-initio',
      credit: 'credit',
      lesson_mode: 'normal',
      score: core.score ?? {},
    },
    suspend_data: previous?.suspend_data ?? '',
    student_data: { mastery_score: masteryScore == null ? '' : String(masteryScore) },
    interactions: previous?.interactions ?? {},
  };
}
