# overdue — the two commands: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
PORT ?= 8080

.PHONY: serve test setup setup-browser pkg www clean bench fuzz rates-check lint

serve: setup www
	node scripts/serve.mjs --root www --port $(PORT)

test: setup-browser pkg
	scripts/test.sh

setup:
	scripts/setup.sh

setup-browser:
	scripts/setup.sh --browser

# Formatting, clippy and rustdoc with warnings denied (also the first layer of make test).
lint: setup
	scripts/lint.sh

# The reference-rate tables: sorted, sourced, no half-year missing (also run by make test).
rates-check:
	node scripts/rates-check.mjs

# The npm package in pkg/: release wasm, wasm-bindgen glue for every runtime, wasm-opt, sizes.
pkg: setup
	node scripts/build-pkg.mjs

# The page imports the package from www/pkg/.
www: pkg
	rm -rf www/pkg && cp -r pkg www/pkg

clean:
	cargo clean
	rm -rf pkg www/pkg pkg-tests/.work artifacts

# Speed and size against the JavaScript peers; writes BENCHMARKS.md.
bench: pkg
	@command -v twiggy >/dev/null || cargo install twiggy --locked || cargo install twiggy
	node bench/run.mjs

# Coverage-guided fuzzing of every entry point (cargo-fuzz / libFuzzer), FUZZ_SECONDS per target.
# Findings land in fuzz/artifacts/; make each one a regression test. An input taking over 2 s is a
# finding too (-timeout=2): the render target holds the template step budget to that.
FUZZ_SECONDS ?= 60
fuzz: setup
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
	node fuzz/seed.mjs
	cd fuzz && for t in inputs csv terms template json render sanitize; do \
	  mkdir -p corpus/$$t; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -timeout=2 -rss_limit_mb=4096 2>&1 | tail -n 4 || exit 1; \
	done
