#!/usr/bin/env bash
# Runs every test layer, prints each layer's counts, and ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
log=$(mktemp -d)
passed=0 failed=0 summary=()

layer() {  # name, command...
  local name=$1; shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  local start=$SECONDS
  "$@" 2>&1 | tee "$log/$name.txt"
  local rc=${PIPESTATUS[0]}
  local p f
  # cargo and wasm-bindgen-test print "test result: ok. N passed; M failed"; node's runner "# pass N".
  p=$(grep -hoE '([0-9]+) passed' "$log/$name.txt" | awk '{s+=$1} END {print s+0}')
  f=$(grep -hoE '([0-9]+) failed' "$log/$name.txt" | awk '{s+=$1} END {print s+0}')
  if grep -q '^# pass ' "$log/$name.txt"; then
    p=$(grep -hoE '^# pass [0-9]+' "$log/$name.txt" | awk '{s+=$3} END {print s+0}')
    f=$(grep -hoE '^# fail [0-9]+' "$log/$name.txt" | awk '{s+=$3} END {print s+0}')
  fi
  if (( rc != 0 && f == 0 )); then f=1; fi
  if (( p == 0 && rc == 0 )); then echo "layer $name ran no test"; f=$((f + 1)); fi
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$(printf '%-28s %5d passed %3d failed  %4ds' "$name" "$p" "$f" $((SECONDS - start)))")
}

layer "lint (fmt, clippy, rustdoc)" scripts/lint.sh
layer "rate tables" node scripts/rates-check.mjs
layer "cargo test (native core)" cargo test --quiet
layer "wasm-bindgen-test (Node)" cargo test --target wasm32-unknown-unknown --test wasm_node
layer "wasm-bindgen-test (Chromium)" cargo test --target wasm32-unknown-unknown --test wasm_browser
layer "pkg-tests (packed package)" node pkg-tests/run.mjs
layer "frameworks (packed package)" node pkg-tests/frameworks/run.mjs

printf '\n\033[1m== summary\033[0m\n'
printf '%s\n' "${summary[@]}"
echo "all layers: $passed passed, $failed failed"
(( failed == 0 ))
