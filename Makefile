# postguard: one task runner, the same locally and in CI.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out
DATA ?= ../shared/datasets
TRAIN_STAMP := $(VENV)/.train-installed

.PHONY: demo test test-fast lint bench train eval system-deps clean

# Debian tools postguard drives (exiftool strips metadata, tesseract reads text in photos) and
# chromium, which the browser tests open the audit report in (never downloaded by playwright).
system-deps:
	@missing=""; command -v exiftool >/dev/null || missing="$$missing libimage-exiftool-perl"; \
	command -v tesseract >/dev/null || missing="$$missing tesseract-ocr tesseract-ocr-eng"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "postguard needs Python 3.11 ($(PYTHON) not found)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev,bench]'
	touch $(STAMP)

install: system-deps $(STAMP)

demo: install
	@mkdir -p $(OUT)
	@for post in examples/posts/*.txt; do \
	  echo; echo "=== $$post"; $(BIN)/postguard check - < "$$post" || true; \
	done
	@echo; echo "=== a batch of posts (examples/posts/batch.jsonl), one JSON line each"
	@$(BIN)/postguard check --input examples/posts/batch.jsonl --format jsonl | $(BIN)/python -c \
	  "import json,sys; [print(f\"{r['id']:>4}  {r.get('verdict', 'error'):7} {' '.join(sorted({f['rule'] for f in r.get('findings', [])}))}\") for r in map(json.loads, sys.stdin)]"
	@echo; echo "=== a holiday photo that carries the GPS position of home"
	@$(BIN)/python examples/make_photo.py $(OUT)/garden.jpg
	@$(BIN)/postguard check "Garden finally finished! Home office with a view." --image $(OUT)/garden.jpg || true
	@echo; echo "=== postguard scrub: a clean copy into $(OUT)/clean/"
	@$(BIN)/postguard scrub $(OUT)/garden.jpg --out $(OUT)/clean
	@echo; echo "=== postguard audit: a (synthetic) X archive, report in $(OUT)/audit/report.html"
	@$(BIN)/postguard audit tests/sources/data/x-archive --out $(OUT)/audit
	@echo; echo "=== the web app: check as you type, audit an export, clean photos, keep the abuse log"
	@echo "Start it with:  $(BIN)/postguard web"
	@echo "It opens your browser on http://127.0.0.1:8517 (this computer only); Ctrl+C stops it."

test: install
	$(BIN)/python -m pytest -n 2 -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q -m "not slow"
extension:: ; $(PYTHON) extension/build.py

# A long fuzz of every importer (tests/fuzz; the test suite runs a short one with a fixed seed):
# cases per test from POSTGUARD_FUZZ_EXAMPLES, a new seed each run unless POSTGUARD_FUZZ_SEED is set.
.PHONY: fuzz
fuzz: $(STAMP)
	POSTGUARD_FUZZ_EXAMPLES=$${POSTGUARD_FUZZ_EXAMPLES:-5000} POSTGUARD_FUZZ_SEED=$${POSTGUARD_FUZZ_SEED:-$$(date +%s)} \
	  $(BIN)/python -m pytest -n 2 -q -m fuzz tests/fuzz

lint: $(STAMP)
	$(BIN)/ruff check src tests bench training
	$(BIN)/ruff format --check src tests bench training
	$(BIN)/mypy

# torch goes in first, pinned to the CPU build; asked for later by another package, pip would
# fetch a multi-GB CUDA build instead.
$(TRAIN_STAMP): $(STAMP)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e '.[dev,bench,train]'
	touch $(TRAIN_STAMP)

# Rebuild the shipped classifier (src/postguard/models/) from the datasets in $(DATA).
train: $(TRAIN_STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/python -m training.train --data $(DATA)

# Per-label precision/recall/F1 on held-out splits and the functional suites; then false alarms
# per 1,000 real posts (bench/eval_real.py) with the 20 highest-scoring ones to read.
eval: $(STAMP)
	$(BIN)/python -m training.evaluate --data $(DATA)
	$(BIN)/python bench/eval_real.py --data $(DATA)

bench: install
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_classifier.py
	$(BIN)/python bench/bench_media.py
	$(BIN)/python bench/bench_audit.py
	$(BIN)/python bench/bench_audit.py --unique
	$(BIN)/python bench/bench_web.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
