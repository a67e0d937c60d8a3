# drsim — `make run` and `make test` are all a fresh machine needs (they install GSL when missing).
SWIFT       ?= swift
RELEASE_BIN := .build/release
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: deps build build-debug run test bench notebooks clean demo-sync docs fuzz soak

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
	$(SWIFT) test --skip-build --skip randomScenariosKeepEveryInvariant

## soak: fresh random property cases (PROPERTY_CASES, default 500) under every invariant.
soak: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter randomScenariosKeepEveryInvariant

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

## fuzz: libFuzzer over the scenario loader (and model builder) and the trace/RVTools readers for FUZZ_SECONDS
## (default 600). Builds into .build-fuzz (never touches .build); seeds are made from scenarios/
## and the test fixtures at run time, with the dictionary contrib/fuzz/drsim.dict of boundary values; the corpus grows in .build-fuzz/corpus and findings land in
## .build-fuzz/findings/ (replay one with `.build/debug/drsim-fuzz FILE`). See docs/reliability.md.
FUZZ_SECONDS ?= 600
FUZZ_DIR     ?= .build-fuzz
fuzz: deps
	@mkdir -p $(FUZZ_DIR) && echo "building drsim-fuzz with libFuzzer and AddressSanitizer into $(FUZZ_DIR) (log: $(FUZZ_DIR)/build.log)"
	@$(SWIFT) build --scratch-path $(FUZZ_DIR) --product drsim-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
		> $(FUZZ_DIR)/build.log 2>&1 || { grep -v 'Cannot export local symbol' $(FUZZ_DIR)/build.log | tail -40; exit 1; }
	rm -rf $(FUZZ_DIR)/seeds && mkdir -p $(FUZZ_DIR)/seeds $(FUZZ_DIR)/corpus $(FUZZ_DIR)/findings
	for f in scenarios/*.yaml; do { printf '0'; cat "$$f"; } > $(FUZZ_DIR)/seeds/scenario-$$(basename "$$f"); done
	{ printf '0'; cat scenarios/demo.yaml; printf '\000duration=2d\ndrs.threshold=5\n'; } > $(FUZZ_DIR)/seeds/scenario-overrides
	printf '1time_s,cpu_util,mem_util\n0,0.25,0.5\n300,0.5,0.5\n600,1,0.75\n' > $(FUZZ_DIR)/seeds/csv-trace
	printf '1vm;time_s;cpu_util\nweb-01;0;0,25\nweb-01;300;0,5\n"db 1";0;12,5\n' > $(FUZZ_DIR)/seeds/csv-multi
	printf '1"a,b",c\r\n"x ""y""",\r\n\n1,2\n' > $(FUZZ_DIR)/seeds/csv-quoted
	for f in Tests/TracesTests/Fixtures/planetlab/*; do { printf '2'; cat "$$f"; } > $(FUZZ_DIR)/seeds/planetlab-$$(basename "$$f"); done
	for v in rvtools3 rvtools4; do d=Tests/InventoryTests/Fixtures/$$v; \
		{ printf '3'; head -n 12 $$d/vInfo.csv; printf '\000'; head -n 6 $$d/vHost.csv; printf '\000'; cat $$d/vCluster.csv; } \
		> $(FUZZ_DIR)/seeds/rvtools-$$v; done
	{ printf '0'; cat scenarios/demo.yaml; printf '\000host_profiles.0.cpu.sockets=9223372036854775807\nvmotion.nic_efficiency=1e-300\n'; } > $(FUZZ_DIR)/seeds/scenario-boundaries
	{ printf '0'; sed 's/sockets: 2/sockets: 2147483648/' scenarios/demo.yaml; } > $(FUZZ_DIR)/seeds/scenario-sockets
	ASAN_OPTIONS=detect_leaks=0 $(FUZZ_DIR)/debug/drsim-fuzz $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds -max_total_time=$(FUZZ_SECONDS) \
		-dict=contrib/fuzz/drsim.dict \
		-timeout=20 -rss_limit_mb=4096 -detect_leaks=0 -max_len=16384 -artifact_prefix=$(FUZZ_DIR)/findings/ -print_final_stats=1

clean:
	rm -rf .build results

## demo-sync: copy scenarios/demo.yaml into the binary's embedded demo.
demo-sync:
	python3 -c "y=open('scenarios/demo.yaml').read(); s=open('Sources/Experiments/Build/DemoScenario.swift').read(); a=s.index('#\"\"\"\n')+5; b=s.rindex('\"\"\"#'); open('Sources/Experiments/Build/DemoScenario.swift','w').write(s[:a]+y+chr(10)+s[b:])"

## docs: regenerate the column tables of docs/outputs.md from the code, and the figures that
## README.md and docs/sweeps.md quote from runs (docs/tools/figures.py runs the scenarios and
## rewrites the <!-- figures:NAME:begin/end --> blocks; FIGURES="demo-run ..." limits it).
FIGURES ?=
docs: deps
	$(SWIFT) build --product drsim
	.build/debug/drsim columns > .columns.md
	python3 -c "d=open('docs/outputs.md').read(); c=open('.columns.md').read(); a=d.index('<!-- columns:begin -->')+len('<!-- columns:begin -->'); b=d.index('<!-- columns:end -->'); open('docs/outputs.md','w').write(d[:a]+chr(10)+c+d[b:])"
	rm -f .columns.md
	python3 docs/tools/figures.py .build/debug/drsim $(FIGURES)
