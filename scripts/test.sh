#!/usr/bin/env bash
# The one test command: installs what the tests need, then runs every test.
#
#   bash scripts/test.sh
#
# Installs, when missing: Debian's chromium, libxml2-utils (xmllint), zip, unzip and the venv
# module of Python, with apt-get as root or through sudo; rustfmt and clippy, with rustup; the
# npm packages of tests/e2e (playwright-core, axe-core, scorm-again, xapi-validation) from the
# committed lock file; the ralph learning record store in a Python venv (.venv). Then: cargo fmt --check, cargo clippy
# (warnings are errors), cargo test, cargo build, and the end-to-end suite in headless
# Chromium. CI runs exactly this (.ci/run). Each install step is one function below, called
# from the list at the end; a new one is added the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif ! command -v sudo >/dev/null; then
    echo "need root or sudo to run: $*" >&2
    exit 1
  elif [ -t 0 ]; then
    sudo "$@"
  else
    # Without a terminal nobody can type a password: fail at once instead of waiting.
    sudo -n "$@"
  fi
}

# A cheap fingerprint of an input file, kept next to what was installed from it.
fingerprint() { sha256sum "$1" | cut -d' ' -f1; }
up_to_date() { [ -f "$2" ] && [ "$(cat "$2")" = "$(fingerprint "$1")" ]; }

install_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v zip >/dev/null || missing+=(zip)
  command -v unzip >/dev/null || missing+=(unzip)
  # Debian's python3 ships without ensurepip, which `python3 -m venv` needs.
  python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
  if [ "${#missing[@]}" -gt 0 ]; then
    step "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# A minimal rustup profile has no rustfmt or clippy; the first two steps need both.
install_rust_components() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ "${#missing[@]}" -gt 0 ]; then
    step "installing the Rust components: ${missing[*]}"
    command -v rustup >/dev/null || { echo "cargo lacks ${missing[*]} and there is no rustup to add them" >&2; exit 1; }
    rustup component add "${missing[@]}"
  fi
}

install_npm_packages() {
  local lock=tests/e2e/package-lock.json stamp=tests/e2e/node_modules/.installed-from-lock
  if ! up_to_date "$lock" "$stamp"; then
    step "installing the npm packages of tests/e2e (npm ci)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
    fingerprint "$lock" >"$stamp"
  fi
}

install_python_lrs() {
  local requirements=tests/e2e/lrs/requirements.txt stamp=.venv/.installed-from-requirements
  if ! up_to_date "$requirements" "$stamp" || ! .venv/bin/python -c '' 2>/dev/null; then
    step "installing the learning record store (ralph) in .venv"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements"
    fingerprint "$requirements" >"$stamp"
  fi
}

# The official XML schemas sit beside the checkout on CI; a fresh clone may not have them,
# and the tests that need them then report themselves as skipped, with the reason.
find_schemas() {
  if [ -d ../shared/schemas ]; then
    COURSEPACK_SCHEMAS="$(cd ../shared/schemas && pwd)"
    export COURSEPACK_SCHEMAS
  else
    echo "note: ../shared/schemas is absent; the schema validation tests will be skipped"
  fi
}

install_debian_packages
install_rust_components
install_npm_packages
install_python_lrs
find_schemas

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings are errors)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked

step "cargo build (the binary the end-to-end tests run)"
cargo build --locked

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
