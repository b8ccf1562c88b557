// The LMS side of cmi5 and TinCan launches, for the tests. ralph is the learning record store
// for statements; it has no State, Agent Profile or fetch-token API, so this small server
// plays the LMS for those: it writes LMS.LaunchData, hands out the one-time auth token, keeps
// state documents in memory, sends the LMS's own `launched` statement, and forwards every
// statement request to ralph. It can also fail on purpose (503, or a dropped connection).

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveDir } from './harness.mjs';

const run = promisify(execFile);
const json = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(body === undefined ? '' : JSON.stringify(body)); };

export async function startXapiLms(zipPath, lrs) {
  const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-xapi-lms-'));
  await run('unzip', ['-q', zipPath, '-d', dir]);
  const documents = new Map();
  const tokens = new Map(); // session → { token, used }
  const valid = new Set(); // Authorization headers this LMS has issued
  const lms = { fault: null, requests: [], fetches: 0 };

  const docKey = (url, kind) => [kind, url.searchParams.get('activityId'), url.searchParams.get('agent'), url.searchParams.get('registration') || '', url.searchParams.get('stateId') || url.searchParams.get('profileId')].join('|');

  function documentRoute(kind) {
    return async (req, res, body, url) => {
      if (!valid.has(req.headers.authorization)) return json(res, 401, { error: 'unknown credentials' });
      const key = docKey(url, kind);
      if (req.method === 'GET') return documents.has(key) ? json(res, 200, documents.get(key)) : json(res, 404);
      if (req.method === 'PUT') { documents.set(key, JSON.parse(body)); return json(res, 204); }
      if (req.method === 'POST') { documents.set(key, { ...(documents.get(key) || {}), ...JSON.parse(body) }); return json(res, 204); }
      if (req.method === 'DELETE') { documents.delete(key); return json(res, 204); }
      return json(res, 405);
    };
  }

  const server = await serveDir(dir, {
    '/lms/fetch/*': async (req, res, body, url) => {
      lms.fetches += 1;
      const session = url.pathname.split('/').pop();
      const entry = tokens.get(session);
      if (req.method !== 'POST') return json(res, 405);
      if (!entry) return json(res, 200, { 'error-code': '2', 'error-text': 'unknown session' });
      if (entry.used) return json(res, 200, { 'error-code': '1', 'error-text': 'already used' });
      entry.used = true;
      return json(res, 200, { 'auth-token': entry.token });
    },
    '/lrs/activities/state': documentRoute('state'),
    '/lrs/agents/profile': documentRoute('profile'),
    '/lrs/statements': async (req, res, body, url) => {
      lms.requests.push({ method: req.method, auth: req.headers.authorization, url: req.url });
      if (!valid.has(req.headers.authorization)) return json(res, 401, { error: 'unknown credentials' });
      if (lms.fault === 'down') return req.socket.destroy();
      if (lms.fault === '503') return json(res, 503, { error: 'unavailable' });
      const r = await fetch(lrs.url + 'statements' + url.search, {
        method: req.method,
        headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
        body: ['POST', 'PUT'].includes(req.method) ? body : undefined,
      });
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(await r.text());
    },
  });

  async function lrsPost(statement) {
    const r = await fetch(lrs.url + 'statements', {
      method: 'POST',
      headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: JSON.stringify([statement]),
    });
    if (!r.ok) throw new Error(`LRS refused the launched statement: ${r.status} ${await r.text()}`);
  }

  return {
    url: server.url, dir, state: lms, documents,
    /** Launches AU `au` (its url and publisher id) as a cmi5 LMS does; resolves the launch URL. */
    async launchCmi5(au, { actor, registration, launchMode = 'Normal', masteryScore, returnURL, moveOn = 'CompletedAndPassed' }) {
      const session = crypto.randomUUID();
      const token = Buffer.from(`au-${session}`).toString('base64');
      tokens.set(session, { token, used: false });
      valid.add('Basic ' + token);
      const activityId = `https://lms.example.org/activities/${registration}/${au.id.split('/').pop()}`;
      const contextTemplate = {
        contextActivities: { grouping: [{ objectType: 'Activity', id: au.id }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': session },
      };
      const launchData = { contextTemplate, launchMode, moveOn, ...(masteryScore != null ? { masteryScore } : {}), ...(returnURL ? { returnURL } : {}) };
      const key = ['state', activityId, JSON.stringify(actor), registration, 'LMS.LaunchData'].join('|');
      documents.set(key, launchData);
      await lrsPost({
        id: crypto.randomUUID(), timestamp: new Date().toISOString(), actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
        object: { objectType: 'Activity', id: activityId },
        context: { ...contextTemplate, registration, contextActivities: { ...contextTemplate.contextActivities, category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] },
          extensions: { ...contextTemplate.extensions, 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchMode, 'https://w3id.org/xapi/cmi5/context/extensions/moveon': moveOn } },
      });
      const q = new URLSearchParams({ endpoint: server.url + 'lrs/', fetch: `${server.url}lms/fetch/${session}`, actor: JSON.stringify(actor), registration, activityId });
      return { url: `${server.url}${au.url}?${q}`, session, activityId };
    },
    /** A TinCan launch of the package's menu; resolves its URL. */
    launchTincan({ actor, registration }) {
      const auth = 'Basic ' + Buffer.from(`learner:${crypto.randomUUID()}`).toString('base64');
      valid.add(auth);
      const q = new URLSearchParams({ endpoint: server.url + 'lrs/', auth, actor: JSON.stringify(actor), registration });
      return `${server.url}index.html?${q}`;
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
