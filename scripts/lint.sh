#!/usr/bin/env bash
# make lint: formatting, clippy (native and wasm32, every target, warnings denied), rustdoc
# (warnings denied) and eslint over the JavaScript (warnings denied). Prints one line per check and "N passed; M failed" for the test summary.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
check() {  # name, command...
  local name=$1; shift
  if "$@"; then echo "lint: $name ok"; passed=$((passed + 1)); else echo "lint: $name FAILED"; failed=$((failed + 1)); fi
}
check "cargo fmt --check" cargo fmt --all -- --check
check "clippy (native, all targets)" cargo clippy --quiet --all-targets -- -D warnings
check "clippy (wasm32, all targets)" cargo clippy --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings
check "rustdoc" env RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps
check "eslint (page, tests, examples, bench, scripts)" node_modules/.bin/eslint --max-warnings 0 .
echo "lint: $passed passed; $failed failed"
(( failed == 0 ))
