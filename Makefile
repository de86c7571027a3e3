# WardSPC — `make demo` and `make test` each install what is missing first.
SWIFT ?= swift
DEMO_OUT ?= demo-output
WARDSPC_RELEASE = .build/release/wardspc

.PHONY: deps build release test demo clean fuzz fuzz-smoke sanitize bench

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in (--static-swift-stdlib): the process starts
# in about 10 ms instead of 20-30 ms spent loading and binding a dozen shared libraries.
release: deps
	$(SWIFT) build -c release --product wardspc --static-swift-stdlib

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

demo: release
	@mkdir -p $(DEMO_OUT)
	@echo "== wardspc validate SampleData/wards.csv"
	@$(WARDSPC_RELEASE) validate SampleData/wards.csv > $(DEMO_OUT)/validation.txt
	@$(WARDSPC_RELEASE) validate SampleData/wards.csv --format json > $(DEMO_OUT)/validation.json
	@head -n 4 $(DEMO_OUT)/validation.txt
	@echo "  …"
	@grep -E '^(trust|-----|RX1 +Alder )' $(DEMO_OUT)/validation.txt
	@echo "  …"
	@tail -n 1 $(DEMO_OUT)/validation.txt
	@echo
	@echo "Full data-quality summary: $(DEMO_OUT)/validation.txt"
	@echo "Machine-readable (wardspc/validation@1): $(DEMO_OUT)/validation.json"
	@echo
	@echo "== wardspc equity SampleData/equity.csv --baseline-until 2023-10-08 --from 2024-12-02"
	@$(WARDSPC_RELEASE) equity SampleData/equity.csv --baseline-until 2023-10-08 --from 2024-12-02 > $(DEMO_OUT)/equity.txt 2> $(DEMO_OUT)/equity-warnings.txt
	@$(WARDSPC_RELEASE) equity SampleData/equity.csv --baseline-until 2023-10-08 --from 2024-12-02 --format json > $(DEMO_OUT)/equity.json 2>/dev/null
	@grep -E '^(where|-----|programme )' $(DEMO_OUT)/equity.txt
	@echo "  …"
	@echo "Every ward and trust: $(DEMO_OUT)/equity.txt; machine-readable (wardspc/equity@1): $(DEMO_OUT)/equity.json"
	@echo
	@echo "== wardspc report SampleData/wards.csv --events SampleData/events.csv --equity SampleData/equity.csv --out $(DEMO_OUT)/report"
	@echo "Report (one self-contained page; each chart also as an SVG beside it): $$($(WARDSPC_RELEASE) report SampleData/wards.csv --events SampleData/events.csv --equity SampleData/equity.csv --out $(DEMO_OUT)/report --title 'Sample programme: restrictive practice collaborative')"

# Fuzzing (Fuzz/README.md): every target SECONDS seconds, or a few seconds each for CI.
SECONDS ?= 60
fuzz: deps
	Fuzz/build.sh
	Fuzz/run.sh $(SECONDS)

fuzz-smoke: deps
	Fuzz/build.sh
	FUZZ_SMOKE=1 Fuzz/run.sh 3

# The whole test suite under AddressSanitizer, then ThreadSanitizer, each in its own
# build folder. Hostile-input tests loosen their time and memory bounds under them.
sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp WARDSPC_TEST_BOUNDS_SCALE=4 \
		$(SWIFT) test --skip-build --disable-xctest --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	WARDSPC_TEST_BOUNDS_SCALE=8 $(SWIFT) test --skip-build --disable-xctest --sanitize=thread --scratch-path .build-tsan

# Whole-process timings of issue 6 with the side-by-side comparisons (R data.table::fread,
# pandas + pycontrolcharts), then the Swift benchmark package; BENCH_QUICK=1 skips the latter.
# Generated files and results go to .bench/ (Benchmarks/README.md).
bench: release
	scripts/bench.sh

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan $(DEMO_OUT)
