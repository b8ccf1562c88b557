// Schema validation with libxml2's xmllint (Debian's libxml2-utils) against the official
// XSDs that sit beside the checkout on CI, in ../shared/schemas.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// The 2001 ims_xml.xsd binds the XML namespace as its default namespace; libxml2 complains on
// every SCORM 1.2 run although the schema compiles and xml:lang is still checked. The file
// ships inside packages byte for byte, so the line is filtered here instead of "fixed" there.
const HARMLESS = /ims_xml\.xsd:1: namespace error : xml namespace URI cannot be the default namespace/;

/** The official schemas folder ($COURSEPACK_SCHEMAS, else ../shared/schemas beside the
    checkout), or null when it is absent. */
export function schemasDir() {
  const dir = process.env.COURSEPACK_SCHEMAS || path.resolve(repoRoot, '..', 'shared', 'schemas');
  return existsSync(path.join(dir, 'scorm12-manifest.xsd')) ? dir : null;
}

/** Validates `xmlPath` against `xsdPath` without network access. Resolves { ok, errors }:
    `ok` comes from the exit status alone (0 valid, 3 or 4 invalid); `errors` is xmllint's
    stderr minus the known harmless line. Rejects when xmllint cannot judge at all (missing,
    XML not well-formed, schema that does not compile), so a broken setup never reads as
    "invalid document". */
export function validateXml(xmlPath, xsdPath) {
  return new Promise((resolve, reject) => {
    execFile('xmllint', ['--noout', '--nonet', '--schema', xsdPath, xmlPath], (error, _stdout, stderr) => {
      const errors = stderr.split('\n').filter((line) => line.trim() && !HARMLESS.test(line)).join('\n');
      if (!error) return resolve({ ok: true, errors });
      if (error.code === 3 || error.code === 4) return resolve({ ok: false, errors });
      const why = error.code === 'ENOENT' ? 'xmllint is not installed (Debian package libxml2-utils)' : `xmllint exited with ${error.code}`;
      reject(new Error(`${why} validating ${xmlPath} against ${xsdPath}\n${errors}`));
    });
  });
}
