# cmevc: build, test, demo and benchmark. Every target installs what it needs on a fresh Debian machine
# (only missing packages, non-interactively), then builds.

SWIFT        ?= swift
APT_PACKAGES := openssl zlib1g-dev libsqlite3-dev pkg-config python3 python3-pip chromium
PY_MODULES   := pyld rfc8785 jsonschema cryptography
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all setup build test demo bench lint format check clean

all: build

## setup: install missing Debian packages and Python test peers (nothing is installed twice)
setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@missing=""; for m in $(PY_MODULES); do \
	  python3 -c "import $$m" 2>/dev/null || missing="$$missing $$m"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing Python test peers:$$missing"; \
	  python3 -m pip install -q $$missing 2>/dev/null || python3 -m pip install -q --break-system-packages $$missing; \
	fi

## build: debug build of every target
build: setup
	$(SWIFT) build

## test: every test (unit, conformance vectors, end-to-end CLI)
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## demo: the main job on the files in Examples/, printing each step
demo: build
	@bash scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/cmevc"

## bench: throughput in release mode, as ratios against raw swift-crypto in the same run
bench: setup
	$(SWIFT) build -c release --product cmevc-bench
	"$$($(SWIFT) build -c release --show-bin-path)/cmevc-bench"

## lint: swift-format in strict mode
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

## format: rewrite sources with swift-format
format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

## check: lint, a build that checks explicit target dependencies, then the tests
check: setup lint
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	$(SWIFT) test --skip-build

clean:
	rm -rf .build demo-out bench-out
