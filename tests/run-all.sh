#!/usr/bin/env bash
# The whole test suite: types, lint, unit, integration, end-to-end. Ends with one line of totals.
# DATABASE_URL set → integration and e2e run on that PostgreSQL server; unset → embedded PGlite.
set -uo pipefail
cd "$(dirname "$0")/.."
reports=.data/reports
rm -rf "$reports" && mkdir -p "$reports"
passed=0
failed=0

count() { passed=$((passed + $1)); failed=$((failed + $2)); }
check() { # a single pass/fail step
  local name=$1; shift
  echo "── $name"
  if "$@"; then count 1 0; else echo "✗ $name failed"; count 0 1; fi
}
vitest_json() { # passed failed from a vitest JSON report (or 0 1 when missing)
  node -e "try{const r=require('./$1');console.log(r.numPassedTests,r.numFailedTests+(r.success||r.numFailedTests?0:1))}catch{console.log('0 1')}"
}

check "typecheck" npx tsc --noEmit -p tsconfig.json
check "lint" npx eslint .
# Benchmarks are not timed tests: only prove that the solver benchmark still runs (and agrees with scipy when present).
check "bench:matching --quick" npm run -s bench:matching -- --quick
check "bench:optimise --quick" npm run -s bench:optimise -- --quick

echo "── unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$reports/unit.json"
count $(vitest_json "$reports/unit.json")

echo "── integration tests ($([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo PGlite))"
npx vitest run --project integration --reporter=default --reporter=json --outputFile="$reports/integration.json"
count $(vitest_json "$reports/integration.json")

# A browser for e2e: CHROMIUM_PATH, Debian's chromium, or Playwright's own (installed if missing).
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if ! node -e "require('fs').accessSync(require('playwright-core').chromium.executablePath())" 2>/dev/null; then
    echo "No Chromium found (CHROMIUM_PATH, /usr/bin/chromium): installing Playwright's own Chromium."
    npx playwright install chromium || echo "Could not install Chromium; e2e tests will fail."
  fi
fi

echo "── build"
if npx next build >"$reports/build.log" 2>&1; then
  count 1 0
  if [ -n "${DATABASE_URL:-}" ]; then
    npm run -s db:seed || count 0 1 # migrates, then seeds the demo accounts the e2e tests sign in as
    # The year's journeys move their server's clock by months and run its sweep: a database of their own.
    journey_db="$(node -e "console.log(new URL(process.env.DATABASE_URL).pathname.slice(1))")_journeys"
    export JOURNEY_DATABASE_URL=$(node -e "const u=new URL(process.env.DATABASE_URL);u.pathname='/$journey_db';console.log(u.toString())")
    node -e "const p=require('postgres');const s=p(process.env.DATABASE_URL,{max:1,onnotice:()=>{}});s.unsafe('drop database if exists $journey_db with (force)').then(()=>s.unsafe('create database $journey_db')).then(()=>s.end(),e=>{console.error(e.message);process.exit(1)})" \
      && DATABASE_URL=$JOURNEY_DATABASE_URL npm run -s db:seed || count 0 1
  fi
  echo "── end-to-end tests (Chromium)"
  npx playwright test
  count $(node -e "try{const s=require('./$reports/e2e.json').stats;console.log(s.expected+s.flaky,s.unexpected+(s.expected+s.unexpected?0:1))}catch{console.log('0 1')}")
  # The built app's benchmarks, at a tiny size: they still run.
  check "bench:pages --quick" npm run -s bench:pages -- --quick
  check "bench:size --quick" npm run -s bench:size -- --quick
  check "bench:lighthouse --quick" npm run -s bench:lighthouse -- --quick
else
  tail -40 "$reports/build.log"
  echo "✗ build failed; end-to-end tests not run"
  count 0 2
fi

if [ -n "${JOURNEY_DATABASE_URL:-}" ]; then
  node -e "const p=require('postgres');const s=p(process.env.DATABASE_URL,{max:1,onnotice:()=>{}});s.unsafe('drop database if exists $journey_db with (force)').then(()=>s.end(),()=>s.end())"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
