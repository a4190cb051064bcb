#!/usr/bin/env bash
# Installs what overdue's build and tests need, skipping whatever is already there at the right
# version. Only cargo, npm and apt download anything. Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the crate pin `wasm-bindgen = "=0.2.130"` in Cargo.toml
want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# make lint: the formatter and the linter ship with rustup's default profile; a minimal one lacks them.
for c in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$c"; then
    say "adding the $c component"
    rustup component add "$c"
  fi
done

if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes 5–8 minutes once)"
  # The published lock file can name a dependency version the registry no longer serves; then let
  # cargo resolve compatible versions itself.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json || package.json -nt node_modules/.package-lock.json ]]; then
  say "installing the npm tools"
  # Not `npm ci`: npm records only this platform's optional binary of the deno package in the lock
  # file, and `npm ci` then refuses the lock as out of sync. `npm install` follows the lock (it
  # leaves it unchanged) and installs the binary for this machine.
  npm install --no-audit --no-fund
fi

if (( want_browser )) && [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  say "installing Chromium and ChromeDriver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
