#!/usr/bin/env bash
# npm test: the whole suite. Vitest on PGlite always, and on Postgres too when TEST_DATABASE_URL is set;
# then a production build and the Playwright journeys in Chromium. Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json

npx tsc --noEmit || { echo "typecheck failed"; echo "tests: 0 passed, 1 failed"; exit 1; }

npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
unit=$?

e2e=0
if [ "${SKIP_E2E:-}" != "1" ]; then
  if npx next build >test-results/build.log 2>&1; then
    PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json
    e2e=$?
  else
    tail -50 test-results/build.log
    e2e=1
  fi
fi

node scripts/summarise-tests.mjs
if [ $unit -ne 0 ] || [ $e2e -ne 0 ]; then exit 1; fi
