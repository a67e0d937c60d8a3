# drsim — `make run` and `make test` are all a fresh machine needs (they install GSL when missing).
SWIFT       ?= swift
RELEASE_BIN := .build/release
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: deps build build-debug run test bench notebooks clean demo-sync docs fuzz

## deps: install the system packages drsim needs (GNU GSL) when missing.
deps:
	@if pkg-config --exists gsl 2>/dev/null; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "installing libgsl-dev and pkg-config (apt-get)"; \
		(apt-get install -y -qq libgsl-dev pkg-config >/dev/null 2>&1 || \
		 (apt-get update -qq && apt-get install -y -qq libgsl-dev pkg-config >/dev/null)); \
	else \
		echo "GNU GSL is missing: run 'sudo apt-get install libgsl-dev pkg-config' (or your system's equivalent)"; exit 1; \
	fi

## build: release build of the drsim command line tool.
build: deps
	$(SWIFT) build -c release --product drsim

## run: build, then run the built-in demo scenario into results/demo/.
run: build
	$(RELEASE_BIN)/drsim run

## test: build and run every test (debug build).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## bench: release build, then print the benchmark figures (one line per case).
bench: deps
	$(SWIFT) build -c release --product drsim-bench
	$(RELEASE_BIN)/drsim-bench

## notebooks: run the demo and a small threshold sweep, then render the analysis notebooks.
notebooks: build
	$(RELEASE_BIN)/drsim run --out results --quiet
	$(RELEASE_BIN)/drsim sweep scenarios/compare-drs-thresholds.yaml --out results --replications 3 --set duration=2d --quiet
	bash notebooks-export/make_notebooks.sh --run results/demo --sweep results/compare-drs-thresholds
	@echo "charts: notebooks-export/out/index.html"

clean:
	rm -rf .build results

## demo-sync: copy scenarios/demo.yaml into the binary's embedded demo.
demo-sync:
	python3 -c "y=open('scenarios/demo.yaml').read(); s=open('Sources/Experiments/Build/DemoScenario.swift').read(); a=s.index('#\"\"\"\n')+5; b=s.rindex('\"\"\"#'); open('Sources/Experiments/Build/DemoScenario.swift','w').write(s[:a]+y+chr(10)+s[b:])"

## docs: regenerate the column tables of docs/outputs.md from the code.
docs: deps
	$(SWIFT) build --product drsim
	.build/debug/drsim columns > .columns.md
	python3 -c "d=open('docs/outputs.md').read(); c=open('.columns.md').read(); a=d.index('<!-- columns:begin -->')+len('<!-- columns:begin -->'); b=d.index('<!-- columns:end -->'); open('docs/outputs.md','w').write(d[:a]+chr(10)+c+d[b:])"
	rm -f .columns.md
