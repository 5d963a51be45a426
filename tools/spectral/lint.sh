#!/usr/bin/env bash
# Lints the committed OpenAPI document (docs/openapi.json) with Spectral's OpenAPI rules and the OWASP API
# security rules, as .spectral.yaml says; prints every error and the counts, and fails on any error.
# Spectral comes from tools/spectral (npm ci, which deploy/local/prepare.sh runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
spectral=tools/spectral/node_modules/.bin/spectral
[ -x "$spectral" ] || (cd tools/spectral && npm ci --no-audit --no-fund --silent)
results=$(mktemp)
trap 'rm -f "$results"' EXIT
# exit status 1 means it found errors; the summary below says which, and decides
"$spectral" lint --quiet --ruleset .spectral.yaml --format json --output "$results" docs/openapi.json || [ $? = 1 ]
python3 - "$results" <<'PY'
import json, sys, collections
results = json.load(open(sys.argv[1]))
names = {0: 'error', 1: 'warning', 2: 'information', 3: 'hint'}
for r in results:
    if r['severity'] == 0:
        print(f"spectral: error {r['code']} at {'/'.join(map(str, r['path']))}: {r['message']}")
counts = collections.Counter(names[r['severity']] for r in results)
print(f"spectral: {counts['error']} errors, {counts['warning']} warnings in docs/openapi.json")
by_rule = collections.Counter(r['code'] for r in results if r['severity'] == 1)
if by_rule:
    print("spectral: warnings by rule: " + ", ".join(f"{code} {n}" for code, n in by_rule.most_common()))
sys.exit(1 if counts['error'] else 0)
PY
