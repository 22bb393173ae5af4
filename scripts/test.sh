#!/usr/bin/env bash
# npm test: the whole suite. Vitest on PGlite always, and on Postgres too when TEST_DATABASE_URL is set;
# then a production build, the production server's own checks, the reliability suite (when TEST_DATABASE_URL is
# set and the Postgres server binaries are here: it runs a private cluster it may crash) and the Playwright
# journeys in Chromium.
# Ends with one "tests: N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .reports
rm -f .reports/*.json

npx tsc --noEmit || { echo "typecheck failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
npx eslint . || { echo "lint failed"; echo "tests: 0 passed, 1 failed"; exit 1; }

npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json
unit=$?

production=0
reliability=0
e2e=0
if [ "${SKIP_E2E:-}" != "1" ] || [ -n "${TEST_DATABASE_URL:-}" ]; then
  if ! npx next build >.reports/build.log 2>&1; then
    tail -50 .reports/build.log
    echo "tests: 0 passed, 1 failed (next build)"
    exit 1
  fi
fi
if [ "${SKIP_E2E:-}" != "1" ] || [ -n "${TEST_DATABASE_URL:-}" ]; then
  npx vitest run -c vitest.production.config.ts tests/production-server.test.ts --reporter=default --reporter=json --outputFile.json=.reports/production.json
  production=$?
fi
if [ -n "${TEST_DATABASE_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ "${SKIP_RELIABILITY:-}" != "1" ]; then
  npx vitest run -c vitest.production.config.ts tests/reliability.test.ts --reporter=default --reporter=json --outputFile.json=.reports/reliability.json
  reliability=$?
fi
if [ "${SKIP_E2E:-}" != "1" ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json npx playwright test --reporter=list,json
  e2e=$?
fi

node scripts/summarise-tests.mjs
if [ $unit -ne 0 ] || [ $production -ne 0 ] || [ $reliability -ne 0 ] || [ $e2e -ne 0 ]; then exit 1; fi
