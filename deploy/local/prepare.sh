#!/usr/bin/env bash
# Prepares this machine to run and to test the ledger: the tools the build, the tests and the
# README's examples use (installed with apt-get when missing), a PostgreSQL on 127.0.0.1:5432 that user
# postgres reaches without a password, with fsync and synchronous_commit on, and a database
# "ledger" for the service (tests make a database of their own each run); a RabbitMQ on
# 127.0.0.1:5672 (guest/guest) with its consistent-hash exchange plugin, where the ledger publishes
# its events (tests make a virtual host of their own each run); and a local secret to sign tokens
# with. Idempotent.
#   env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) LEDGER_DB (ledger)
set -euo pipefail
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
LEDGER_DB=${LEDGER_DB:-ledger}
say() { echo "prepare: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

reachable() { psql -qtAX -d postgres -c 'select 1' >/dev/null 2>&1; }

# command, and the Debian package that brings it: Java 17 and Maven build; PostgreSQL stores; curl,
# openssl and python3 serve the README's examples and the scripts; debootstrap makes the image's base;
# Node's npm installs Spectral, which lints the OpenAPI document
missing=()
while read -r command package; do
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done <<'TOOLS'
javac openjdk-17-jdk-headless
mvn maven
npm npm
pg_ctlcluster postgresql
psql postgresql-client
curl curl
openssl openssl
python3 python3
debootstrap debootstrap
TOOLS
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The documents' tests read the PDFs the ledger writes as a person's tools do (pdftotext, pdftoppm).
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  say "installing poppler-utils with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

if ! reachable; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # Local development only: loopback connections as postgres need no password.
  if ! grep -q '^host all postgres 127.0.0.1/32 trust' "$hba"; then
    say "allowing password-less loopback connections for postgres in $hba"
    as_root sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
  fi
  say "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do reachable && break; sleep 1; done
  reachable || { say "PostgreSQL does not answer on $PGHOST:$PGPORT"; exit 1; }
fi

# Never trade durability for speed: a success answer must mean the events are on disk.
for setting in fsync synchronous_commit; do
  value=$(psql -qtAX -d postgres -c "show $setting")
  if [ "$value" != "on" ]; then
    say "$setting is '$value'; the ledger requires it on"; exit 1
  fi
done

if [ "$(psql -qtAX -d postgres -c "select 1 from pg_database where datname = '$LEDGER_DB'")" != 1 ]; then
  say "creating database $LEDGER_DB"
  psql -qX -d postgres -c "create database \"$LEDGER_DB\""
fi
# RabbitMQ: installed, started and given the consistent-hash exchange (consumers partition a
# subscription by customer with it). The service starts without a broker; its tests need one.
rabbit_up() { rabbitmqctl -q status >/dev/null 2>&1; }
if ! command -v rabbitmq-server >/dev/null 2>&1; then
  say "installing RabbitMQ with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
fi
if ! rabbit_up; then
  say "starting RabbitMQ"
  as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do rabbit_up && break; sleep 1; done
  rabbit_up || { say "RabbitMQ does not answer (rabbitmqctl status)"; exit 1; }
fi
as_root rabbitmqctl -q await_startup >/dev/null
if ! as_root rabbitmq-plugins -q list -e -m rabbitmq_consistent_hash_exchange | grep -q consistent_hash; then
  say "enabling RabbitMQ's consistent-hash exchange plugin"
  as_root rabbitmq-plugins -q enable rabbitmq_consistent_hash_exchange >/dev/null
fi

# A signing secret for local tokens, where the service and deploy/local/mint-token.sh both find
# it: Spring Boot reads ./config/application.properties of the directory it starts in.
repo=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -f "$repo/config/application.properties" ]; then
  mkdir -p "$repo/config"
  echo "ledger.security.jwt-secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$repo/config/application.properties"
  say "wrote a local token-signing secret to config/application.properties (not committed)"
fi
# Spectral and the OWASP rules, at the versions tools/spectral/package-lock.json names, in tools/spectral/node_modules
if ! (cd "$repo/tools/spectral" && npm ls --silent >/dev/null 2>&1); then
  say "installing Spectral in tools/spectral (npm ci)"
  (cd "$repo/tools/spectral" && npm ci --no-audit --no-fund --silent)
fi
say "PostgreSQL ready on $PGHOST:$PGPORT (database $LEDGER_DB; fsync and synchronous_commit on); RabbitMQ ready on 127.0.0.1:5672"
