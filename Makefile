# Taiwa: the commands. See README.md.
SHELL := /bin/bash
export PATH := $(CURDIR)/scripts/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PUBLIC_URL ?= /
TRUNK := trunk build --release --offline

.PHONY: serve test build bench setup setup-test setup-bench check-content native e2e dist dist-sub clean

## make serve: set up, build, and serve the app on http://127.0.0.1:8080/
serve: setup
	cargo fetch
	trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port 8080

## make test: set up and run every test (what CI runs)
test: setup-test native dist dist-sub e2e

## make build: a deployable dist/ (PUBLIC_URL=/taiwa/ for a sub-path)
build: setup
	cargo fetch
	$(TRUNK) --public-url $(PUBLIC_URL)
	@echo "dist/ is ready to deploy (public URL $(PUBLIC_URL))"

## make bench: sizes, Lighthouse scores and start-up times (see scripts/bench.mjs)
bench: setup-bench dist
	node scripts/bench.mjs

## make check-content: check content/ (the same check the build runs), and
## print the library's shape and the lens's recall on its held-out sentences
check-content:
	cargo run --quiet -p taiwa-domain --bin check-content

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

setup-bench:
	bash scripts/setup.sh bench

native:
	cargo fetch
	cargo fmt --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo test --workspace --quiet

dist:
	cargo fetch
	$(TRUNK) --public-url /

dist-sub:
	$(TRUNK) --public-url /taiwa/ --dist dist-sub

e2e:
	cd tests/e2e && npm test

clean:
	rm -rf dist dist-sub target
