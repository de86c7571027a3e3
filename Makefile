# WardSPC — `make demo` and `make test` each install what is missing first.
SWIFT ?= swift
DEMO_OUT ?= demo-output
WARDSPC_RELEASE = .build/release/wardspc

.PHONY: deps build release test demo clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product wardspc

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
	@echo "== wardspc report SampleData/wards.csv --events SampleData/events.csv --out $(DEMO_OUT)/report"
	@echo "Report (one self-contained page; each chart also as an SVG beside it): $$($(WARDSPC_RELEASE) report SampleData/wards.csv --events SampleData/events.csv --out $(DEMO_OUT)/report --title 'Sample programme: restrictive practice collaborative')"

clean:
	rm -rf .build $(DEMO_OUT)
