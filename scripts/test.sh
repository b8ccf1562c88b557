#!/usr/bin/env bash
# The one test command: installs what the tests need, then runs every test.
#
#   bash scripts/test.sh
#
# Installs, when missing: Debian's chromium, libxml2-utils (xmllint), zip and unzip, with
# apt-get as root or through sudo; the npm packages of tests/e2e (playwright-core, axe-core,
# scorm-again, xapi-validation) from the committed lock file; the ralph learning record store
# in a Python venv (.venv). Then: cargo fmt --check, cargo clippy (warnings are errors),
# cargo test, and the end-to-end suite in headless Chromium. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "need root (or sudo) to install: $*" >&2; exit 1
  fi
}

install_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v zip >/dev/null || missing+=(zip)
  command -v unzip >/dev/null || missing+=(unzip)
  if [ "${#missing[@]}" -gt 0 ]; then
    step "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_npm_packages() {
  local stamp=tests/e2e/node_modules/.installed-from-lock
  if [ ! -f "$stamp" ] || ! cmp -s tests/e2e/package-lock.json "$stamp"; then
    step "installing npm packages of tests/e2e"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
    cp tests/e2e/package-lock.json "$stamp"
  fi
}

# The official XML schemas sit beside the checkout on CI; a fresh clone may not have them,
# and the tests that need them then report themselves as skipped, with the reason.
if [ -d ../shared/schemas ]; then
  COURSEPACK_SCHEMAS="$(cd ../shared/schemas && pwd)"
  export COURSEPACK_SCHEMAS
fi

install_python_lrs() {
  local stamp=.venv/.installed-from-requirements
  if [ ! -f "$stamp" ] || ! cmp -s tests/e2e/lrs/requirements.txt "$stamp"; then
    step "installing the learning record store (ralph) in .venv"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check -r tests/e2e/lrs/requirements.txt
    cp tests/e2e/lrs/requirements.txt "$stamp"
  fi
}

install_debian_packages
install_npm_packages
install_python_lrs

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked

step "cargo build (the binary the end-to-end tests run)"
cargo build --locked

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
