#!/usr/bin/env bash
# `npm test`: lint, strict type-check of every target, build, then unit,
# integration and end-to-end tests inside a private keychain session.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint"; npx oxlint --deny-warnings
echo "== typecheck"; npm run --silent typecheck
echo "== build"; npm run --silent build > /dev/null
mkdir -p test-results
echo "== tests (private D-Bus session + gnome-keyring)"
status=0
bash test/keyring/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
node test/support/print-summary.mjs test-results/vitest.json || status=${status:-1}
exit "$status"
