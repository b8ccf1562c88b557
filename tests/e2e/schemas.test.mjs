// Every manifest coursepack writes, validated with xmllint against the official XSDs in
// ../shared/schemas (beside the checkout on CI). Without that folder these tests are
// reported as skipped, with the reason.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildCourse, repoRoot, schemasDir } from './lib/harness.mjs';

const run = promisify(execFile);
const schemas = schemasDir();
const skip = schemas ? false : 'the official schemas (../shared/schemas) are not beside this checkout';
const COURSES = ['examples/all-question-types', 'examples/minimal', 'course'].filter((c) => existsSync(path.join(repoRoot, c, 'modules')));
const MANIFESTS = { scorm12: ['imsmanifest.xml', 'scorm12-manifest.xsd'], cmi5: ['cmi5.xml', 'cmi5/CourseStructure.xsd'], tincan: ['tincan.xml', 'tincan/tincan.xsd'] };

/** xmllint's verdict: exit 0 valid, 3 or 4 invalid (stderr has the reasons). */
async function validate(xml, xsd) {
  try {
    await run('xmllint', ['--noout', '--nonet', '--schema', xsd, xml]);
    return { ok: true, errors: '' };
  } catch (e) {
    const errors = String(e.stderr).split('\n').filter((l) => l && !l.includes('xml namespace URI cannot be the default namespace')).join('\n');
    return { ok: false, errors: `xmllint exit ${e.code}\n${errors}` };
  }
}

describe('xmllint itself tells valid from invalid', { skip }, () => {
  for (const [format, [file, xsd]] of Object.entries(MANIFESTS)) {
    const name = format === 'scorm12' ? 'scorm12-imsmanifest.xml' : file;
    test(`${format}: the official sample passes and the broken sample fails`, async () => {
      assert.equal((await validate(path.join(schemas, 'examples', name), path.join(schemas, xsd))).ok, true);
      assert.equal((await validate(path.join(schemas, 'examples', 'invalid', name), path.join(schemas, xsd))).ok, false);
    });
  }
});

for (const course of COURSES) {
  describe(`manifests of ${course}`, { skip }, () => {
    let build;
    before(async () => { build = await buildCourse(course, ['--format', 'scorm12,cmi5,tincan']); });
    after(async () => { await build?.cleanup(); });

    test('every package, language and format validates against the official schema', async () => {
      const zips = readdirSync(build.outDir).filter((f) => f.endsWith('.zip'));
      assert.ok(zips.length >= 9, `expected at least 9 zips, got ${zips.length}`);
      for (const zip of zips) {
        const format = zip.match(/-(scorm12|cmi5|tincan)\.zip$/)[1];
        const [file, xsd] = MANIFESTS[format];
        const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-xsd-'));
        try {
          await run('unzip', ['-q', path.join(build.outDir, zip), '-d', dir]);
          const manifests = readdirSync(dir).filter((f) => ['imsmanifest.xml', 'cmi5.xml', 'tincan.xml'].includes(f));
          assert.deepEqual(manifests, [file], `${zip}: exactly one manifest, at the root`);
          const result = await validate(path.join(dir, file), path.join(schemas, xsd));
          assert.ok(result.ok, `${zip}: ${result.errors}`);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    });
  });
}
