// The xmllint helper against the schemas folder's own samples: every file in examples/ must
// validate and every file in examples/invalid/ must be rejected, so a validator that accepts
// everything (or nothing) cannot hide behind the manifest tests. Reported as skipped, with the
// reason, when the schemas folder is not beside this checkout.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withTempDir } from './lib/harness.mjs';
import { schemasDir, validateXml } from './lib/xmllint.mjs';

const schemas = schemasDir();
const skip = schemas ? false : 'the official schemas (../shared/schemas, or $COURSEPACK_SCHEMAS) are not beside this checkout';

const SAMPLES = {
  'scorm12-imsmanifest.xml': 'scorm12-manifest.xsd',
  'scorm2004-imsmanifest.xml': 'scorm2004-manifest.xsd',
  'cmi5.xml': 'cmi5/CourseStructure.xsd',
  'tincan.xml': 'tincan/tincan.xsd',
};

// Skipped test by test, not as a whole suite: node counts a skipped suite as zero skipped.
describe('validateXml', () => {
  for (const [sample, xsd] of Object.entries(SAMPLES)) {
    test(`${sample}: the valid sample passes with no error left after filtering`, { skip }, async () => {
      const result = await validateXml(path.join(schemas, 'examples', sample), path.join(schemas, xsd));
      assert.equal(result.ok, true, result.errors);
      assert.doesNotMatch(result.errors, /namespace error/, 'the harmless ims_xml.xsd line is filtered');
      assert.doesNotMatch(result.errors, /error/i, result.errors);
    });

    test(`${sample}: the invalid sample is rejected with reasons`, { skip }, async () => {
      const result = await validateXml(path.join(schemas, 'examples', 'invalid', sample), path.join(schemas, xsd));
      assert.equal(result.ok, false);
      assert.match(result.errors, /fails to validate|Schemas validity error/, result.errors);
    });
  }

  test('every sample in the folder is covered', { skip }, async () => {
    const found = (await readdir(path.join(schemas, 'examples'))).filter((f) => f.endsWith('.xml')).sort();
    assert.deepEqual(found, Object.keys(SAMPLES).sort());
  });

  test('XML that is not well-formed is an error of the setup, not a verdict', { skip }, async () => {
    await withTempDir(async (dir) => {
      const broken = path.join(dir, 'broken.xml');
      await writeFile(broken, '<courseStructure><unclosed></courseStructure>');
      await assert.rejects(validateXml(broken, path.join(schemas, 'cmi5', 'CourseStructure.xsd')), /xmllint exited with 1/);
    });
  });

  test('a missing schema is an error of the setup, not a verdict', { skip }, async () => {
    const xsd = path.join(schemas, 'no-such-schema.xsd');
    assert.equal(existsSync(xsd), false);
    await assert.rejects(validateXml(path.join(schemas, 'examples', 'cmi5.xml'), xsd), /xmllint exited with/);
  });
});
