# overdue — the two commands: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
PORT ?= 8080

.PHONY: serve test setup setup-browser pkg www clean bench

serve: setup www
	node scripts/serve.mjs --root www --port $(PORT)

test: setup-browser pkg
	scripts/test.sh

setup:
	scripts/setup.sh

setup-browser:
	scripts/setup.sh --browser

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
	node bench/run.mjs
