# Fineprint: the usual tasks. Every target calls swift or a script of the repository; see CONTRIBUTING.md.

PG_DIR ?= /tmp/fineprint-dev-postgres
PG_PORT ?= 55432
PORT ?= 8080

.PHONY: build test ci serve pg-up pg-down format lint shape release validate

build:
	swift build --build-tests

# The unit and integration tests (the PostgreSQL store tests run too when FINEPRINT_TEST_POSTGRES_URL is set).
test: build
	swift run -q fineprint corpus validate
	swift test --skip-build

# What CI runs on a fresh machine: installs pdftotext, chromium and PostgreSQL when missing, then every test.
ci: lint
	.ci/run

serve:
	swift run fineprint serve --port $(PORT)

# A throwaway PostgreSQL on loopback; prints the URL for FINEPRINT_TEST_POSTGRES_URL or --database.
pg-up:
	scripts/test-postgres.sh start $(PG_DIR) $(PG_PORT)

pg-down:
	scripts/test-postgres.sh stop $(PG_DIR)

format:
	swift format -i -r -p Sources Tests Package.swift

# Prints nothing when the tree follows .swift-format.
lint:
	swift format lint --strict -r -p Sources Tests

# The functions over 60 lines: each should be split or say why beside it.
shape:
	scripts/function-lengths.py Sources 60

release:
	swift build -c release

validate:
	swift run -q fineprint corpus validate
