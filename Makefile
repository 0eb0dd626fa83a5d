# zelfregie: `make run` and `make test` on a fresh Debian machine with only the Rust
# toolchain. Every tool is installed here when missing (each check costs ~0 s when present),
# from crates.io, npm and Debian only: nothing is downloaded from GitHub. Why each tool and
# version: docs/build.md.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

TRUNK_VERSION := 0.21.14
WASM_SPLIT_VERSION := 0.2.4
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP := target/.stamps

LISTEN ?= 127.0.0.1:8080
DATA_DIR ?= data

.PHONY: help run test bench bench-api build spa server tools tools-build tools-test \
        lint fmt-check clippy test-native test-browser test-e2e test-schemathesis clean

help:
	@echo "make run    build and start the portal with demo data on http://$(LISTEN)"
	@echo "make test   format, clippy, native, browser and end-to-end tests"
	@echo "make bench  first-load bytes, encryption vs typage and native age, long tasks, Lighthouse,"
	@echo "            and the API under load (bench-api: 100,000 synthetic candidates)"

## ---- the two commands -------------------------------------------------------------

run: tools-build $(STAMP)/openssl spa server
	./target/release/zelfregie-server --demo --listen $(LISTEN) --data-dir $(DATA_DIR) --static-dir dist

test: tools-test $(STAMP)/openssl lint test-native test-browser test-e2e test-schemathesis
	@echo "all tests passed"

# Benchmarks, printed next to anchors measured in the same run (scripts/bench.mjs): first-load
# bytes, encryption in Chromium against typage and native age, long tasks, Lighthouse.
# Release SPA and release server with demo data; never part of `make test`.
bench: tools-test $(STAMP)/openssl spa server
	cargo build --release --locked -p zelfregie-crypto --example native_age
	ZELFREGIE_SERVER=target/release/zelfregie-server node scripts/bench.mjs
	$(MAKE) bench-api

# The API under load (docs/storage.md "Recruiter search"): release server, BENCH_CANDIDATES
# synthetic candidates, recruiter list/search, /api/me/profile, and /api/health as the anchor
# in the same run; on SQLite, then on a throwaway PostgreSQL cluster (scripts/pg.sh).
BENCH_CANDIDATES ?= 100000
BENCH_SECONDS ?= 5
bench-api: $(STAMP)/openssl $(STAMP)/postgresql
	cargo build --release --locked -p zelfregie-server --bins
	./target/release/zelfregie-bench-api --candidates $(BENCH_CANDIDATES) --seconds $(BENCH_SECONDS)
	bash scripts/pg.sh start
	status=0; ./target/release/zelfregie-bench-api --candidates $(BENCH_CANDIDATES) --seconds $(BENCH_SECONDS) \
	  --database-url $$(cat target/pg/url) || status=$$?; bash scripts/pg.sh stop; exit $$status

## ---- builds ---------------------------------------------------------------------

build: spa server

# The SPA: trunk builds the CSS, the crypto worker and index.html; scripts/build-app.mjs the
# app itself, split by page (release wasm, opt-level z, LTO, wasm-opt -Oz); then brotli/gzip
# variants (docs/build.md).
spa: tools-build
	cargo fetch --locked
	trunk build --release
	node scripts/build-app.mjs dist
	node scripts/precompress.mjs dist

server: $(STAMP)/openssl
	cargo build --release --locked -p zelfregie-server

## ---- tests ----------------------------------------------------------------------

lint: fmt-check clippy

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked -p zelfregie -p zelfregie-model -p zelfregie-crypto -p zelfregie-worker --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --locked -p zelfregie --target wasm32-unknown-unknown --features split -- -D warnings

# Every test on SQLite; then the server's store and API tests again on PostgreSQL, in a
# throwaway cluster of our own (scripts/pg.sh: own port and directory under target/,
# stopped and deleted afterwards, pass or fail).
test-native:
	cargo test --locked --workspace
	bash scripts/pg.sh start
	status=0; ZELFREGIE_TEST_DATABASE_URL=$$(cat target/pg/url) cargo test --locked -p zelfregie-server || status=$$?; \
	  bash scripts/pg.sh stop; exit $$status

# wasm-bindgen-test in headless Chromium (runner from .cargo/config.toml, flags from webdriver.json).
# ChromeDriver makes a profile directory per session in $$TMPDIR and the runner does not
# always remove it (~100 MB each): they go to a directory of ours, removed afterwards.
BROWSER_TMP := $(CURDIR)/target/browser-tmp
test-browser:
	rm -rf $(BROWSER_TMP) && mkdir -p $(BROWSER_TMP)
	status=0; TMPDIR=$(BROWSER_TMP) CHROMEDRIVER=/usr/bin/chromedriver \
	  cargo test --locked -p zelfregie -p zelfregie-crypto --target wasm32-unknown-unknown || status=$$?; \
	  rm -rf $(BROWSER_TMP); exit $$status

# The real server (fresh SQLite file per test) with the release SPA, driven in Chromium; the
# age crate's own decryption (example open_transfer) opens what the browser made.
test-e2e: spa
	cargo build --locked -p zelfregie-server
	cargo build --locked -p zelfregie-crypto --example open_transfer
	ZELFREGIE_SERVER=target/debug/zelfregie-server node --test --test-concurrency=1 e2e/

# Requests generated from the API document by Schemathesis against the demo server: no
# undocumented status, no answer off its schema, no server error (docs/api.md).
test-schemathesis: $(STAMP)/schemathesis
	cargo build --locked -p zelfregie-server
	ZELFREGIE_SERVER=target/debug/zelfregie-server bash scripts/schemathesis.sh

## ---- tools ----------------------------------------------------------------------

tools-build: $(STAMP)/wasm-target $(STAMP)/trunk $(STAMP)/wasm-bindgen $(STAMP)/wasm-split $(STAMP)/npm
tools-test: tools-build $(STAMP)/chromium $(STAMP)/rage $(STAMP)/postgresql $(STAMP)/schemathesis

$(STAMP):
	mkdir -p $(STAMP)

$(STAMP)/wasm-target: | $(STAMP)
	rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	touch $@

$(STAMP)/trunk: | $(STAMP)
	trunk --version 2>/dev/null | grep -q " $(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	touch $@

# Without --locked: the CLI's own lockfile pins a webpki-roots the registry lacks.
$(STAMP)/wasm-bindgen: Cargo.lock Trunk.toml | $(STAMP)
	grep -q 'wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml || \
	  { echo "Trunk.toml [tools] wasm_bindgen must be $(WASM_BINDGEN_VERSION), as in Cargo.lock"; exit 1; }
	wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)" || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	touch $@

# The splitter of the app's wasm (scripts/build-app.mjs): the CLI of the library cargo-leptos
# uses, from crates.io.
$(STAMP)/wasm-split: | $(STAMP)
	cargo install --list | grep -q '^wasm_split_cli_support v$(WASM_SPLIT_VERSION):' || \
	  cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked
	touch $@

# wasm-opt (binaryen 132; Debian's 108 breaks the page), Playwright, axe-core, typage,
# Lighthouse 12 (13 needs Node 22; `make bench` only).
$(STAMP)/npm: package.json package-lock.json | $(STAMP)
	npm ci --no-audit --no-fund
	touch $@

# rage: the reference age CLI, to decrypt files made in the browser (interop, e2e).
RAGE_VERSION := 0.11.1
$(STAMP)/rage: | $(STAMP)
	rage --version 2>/dev/null | grep -q " $(RAGE_VERSION)" || cargo install rage --version $(RAGE_VERSION) --no-default-features
	touch $@

# PostgreSQL server binaries for the second run of the server tests (Debian's package; the
# cluster it may start at install is not used: scripts/pg.sh makes its own).
$(STAMP)/postgresql: | $(STAMP)
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; }
	touch $@

# Schemathesis from PyPI, in a virtualenv of our own (Debian's python3-venv when missing).
SCHEMATHESIS_VERSION := 4.32.5
SCHEMATHESIS_VENV := target/schemathesis-venv
$(STAMP)/schemathesis: | $(STAMP)
	python3 -c 'import ensurepip, venv' 2>/dev/null || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv; }
	$(SCHEMATHESIS_VENV)/bin/st --version 2>/dev/null | grep -q " $(SCHEMATHESIS_VERSION)$$" || \
	  { python3 -m venv $(SCHEMATHESIS_VENV) && $(SCHEMATHESIS_VENV)/bin/pip install -q schemathesis==$(SCHEMATHESIS_VERSION); }
	touch $@

# OpenSSL headers and pkg-config: webauthn-rs (passkeys) links the system's OpenSSL.
$(STAMP)/openssl: | $(STAMP)
	pkg-config --exists openssl 2>/dev/null || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y libssl-dev pkg-config; }
	touch $@

$(STAMP)/chromium: | $(STAMP)
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; }
	touch $@

clean:
	cargo clean
	rm -rf dist node_modules
