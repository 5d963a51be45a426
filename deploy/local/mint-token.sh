#!/usr/bin/env bash
# Mints a bearer token for local use: HS256, signed with the secret the service verifies with
# (LEDGER_SECURITY_JWT_SECRET, else the one deploy/local/prepare.sh wrote to config/).
#   deploy/local/mint-token.sh <subject> <role>... [--hours N]
#   roles: service collector auditor analyst
#   e.g. TOKEN=$(deploy/local/mint-token.sh billing service)
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 <subject> <role>... [--hours N]" >&2; exit 2; }
subject=$1; shift
hours=12 roles=()
while [ $# -gt 0 ]; do
  case $1 in
    --hours) hours=$2; shift 2 ;;
    service|collector|auditor|analyst) roles+=("$1"); shift ;;
    *) echo "unknown role $1 (service, collector, auditor, analyst)" >&2; exit 2 ;;
  esac
done
secret=${LEDGER_SECURITY_JWT_SECRET:-}
if [ -z "$secret" ]; then
  config="$(cd "$(dirname "$0")/../.." && pwd)/config/application.properties"
  secret=$(sed -n 's/^ledger\.security\.jwt-secret=//p' "$config" 2>/dev/null || true)
fi
[ -n "$secret" ] || { echo "no secret: set LEDGER_SECURITY_JWT_SECRET or run deploy/local/prepare.sh" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
role_list=$(printf '"%s",' "${roles[@]}"); role_list=${role_list%,}
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
claims=$(printf '{"sub":"%s","roles":[%s],"iat":%d,"exp":%d}' "$subject" "$role_list" "$now" $((now + hours * 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
echo "$header.$claims.$signature"
