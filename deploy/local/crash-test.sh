#!/usr/bin/env bash
# Crash safety: on a fresh database, C clients send N commands (mostly on existing customers:
# invoices, payments, promises, contact attempts), each with its own Idempotency-Key; the service
# is killed with SIGKILL while at least 100 requests are in flight, restarted, and every command
# that got no answer is sent again with the same id and body (deploy/local/CrashDriver.java).
# Then it checks in PostgreSQL that every acknowledged and every retried command is stored exactly
# once, that no account has a gap in its event sequence, and that the read models equal a fresh
# rebuild. Prints acknowledged, stored, lost, duplicated; exits 1 on any loss, duplicate, gap or
# difference.
#   deploy/local/crash-test.sh [--commands N] [--clients C]      (10000 and 8)
#   env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) CRASH_PORT (18431) CRASH_DB (ledger_crash)
#        LEDGER_JAR (ledger-service/target/ledger-service.jar)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export CRASH_PORT=${CRASH_PORT:-18431} CRASH_DB=${CRASH_DB:-ledger_crash}
export CRASH_DIR=${CRASH_DIR:-/tmp/ledger-crash-$CRASH_PORT}
jar=${LEDGER_JAR:-$repo/ledger-service/target/ledger-service.jar}
url=http://127.0.0.1:$CRASH_PORT

# The service in the background on the test database; returns once it answers health.
start_service() {
  # started directly, not in a subshell, so that the pid is the JVM's and SIGKILL reaches it
  SERVER_PORT=$CRASH_PORT MANAGEMENT_SERVER_PORT=0 SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$CRASH_DB" \
    SPRING_DATASOURCE_USERNAME=$PGUSER LEDGER_CLOSE_OF_DAY_CRON=- \
    nohup java -XX:TieredStopAtLevel=1 -jar "$jar" >>"$CRASH_DIR/service.log" 2>&1 </dev/null &
  echo $! >"$CRASH_DIR/service.pid"
  disown  # its SIGKILL is the test, not news
  for _ in $(seq 1 120); do
    curl -fs "$url/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$CRASH_DIR/service.pid")" 2>/dev/null || break
    sleep 1
  done
  echo "crash-test: the service did not start; see $CRASH_DIR/service.log" >&2
  return 1
}
# CrashDriver restarts the service through this script after it killed it.
if [ "${1:-}" = __start ]; then start_service; exit; fi

commands=10000 clients=8
while [ $# -gt 0 ]; do
  case $1 in
    --commands) commands=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    *) echo "usage: $0 [--commands N] [--clients C]" >&2; exit 2 ;;
  esac
done

sql() { psql -qtAX -v ON_ERROR_STOP=1 -d "$CRASH_DB" "$@"; }
stop_service() { [ -f "$CRASH_DIR/service.pid" ] && kill "$(cat "$CRASH_DIR/service.pid")" 2>/dev/null || true; }
# The service stopped and its database dropped, however the test ends (the service's log stays in $CRASH_DIR).
cleanup() {
  stop_service
  for _ in $(seq 1 30); do kill -0 "$(cat "$CRASH_DIR/service.pid" 2>/dev/null)" 2>/dev/null || break; sleep 1; done
  psql -qX -d postgres -c "drop database if exists $CRASH_DB with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [ ! -f "$jar" ]; then
  (cd "$repo" && flock /tmp/mvn.lock mvn -q -T1 -DskipTests package)
fi
rm -rf "$CRASH_DIR" && mkdir -p "$CRASH_DIR"
psql -qX -d postgres -c "drop database if exists $CRASH_DB with (force)" -c "create database $CRASH_DB"
LEDGER_SECURITY_JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export LEDGER_SECURITY_JWT_SECRET
token=$("$repo/deploy/local/mint-token.sh" crash-driver service)
admin=$("$repo/deploy/local/mint-token.sh" crash-admin service collector)

start_service
echo "crash-test: $commands commands from $clients clients against $url (database $CRASH_DB)"
java "$repo/deploy/local/CrashDriver.java" --url "$url" --token "$token" --commands "$commands" --clients "$clients" \
  --pid-file "$CRASH_DIR/service.pid" --restart "'$0' __start" --out "$CRASH_DIR" || driver_failed=1

# What was acknowledged and what was retried, next to what the ledger holds.
sql -c "create table crash_ack (command_id text primary key); create table crash_retried (command_id text primary key)"
sql -c "\copy crash_ack from '$CRASH_DIR/acknowledged.txt'" -c "\copy crash_retried from '$CRASH_DIR/retried.txt'"
sql -c "create table crash_events as
          select convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' as command_id, payload_type, global_index
          from domain_event_entry"
# A command ran twice if its first kind of event appears twice under its id.
read -r acknowledged stored lost duplicated retried retried_once <<<"$(sql -F ' ' -c "
  with firsts as (select distinct on (command_id) command_id, payload_type from crash_events
                  where command_id is not null order by command_id, global_index),
       twice as (select f.command_id from firsts f join crash_events e using (command_id, payload_type)
                 group by f.command_id having count(*) > 1),
       stored as (select a.command_id from crash_ack a
                  where (select count(*) from command_log l where l.client_id = 'crash-driver' and l.command_id = a.command_id) = 1
                    and exists (select 1 from crash_events e where e.command_id = a.command_id))
  select (select count(*) from crash_ack),
         (select count(*) from stored),
         (select count(*) from crash_ack where command_id not in (select command_id from stored)),
         (select count(*) from twice),
         (select count(*) from crash_retried r where r.command_id in (select command_id from crash_ack)),
         (select count(*) from crash_retried r where r.command_id in (select command_id from stored)
                                                 and r.command_id not in (select command_id from twice))")"
gaps=$(sql -c "select count(*) from (select aggregate_identifier from domain_event_entry group by aggregate_identifier
               having min(sequence_number) <> 0 or max(sequence_number) + 1 <> count(*)) g")
sql -c "drop table crash_ack, crash_retried, crash_events"

# The read models as the running service built them, against a rebuild from the first event.
read_models() { curl -fsS -H "Authorization: Bearer $admin" "$url/admin/read-models"; }
wait_caught_up() {
  for _ in $(seq 1 300); do
    read_models | python3 -c 'import json,sys; sys.exit(0 if all(m["caughtUp"] and not m["replaying"] and not m["rebuilding"] for m in json.load(sys.stdin)) else 1)' && return 0
    sleep 1
  done
  echo "crash-test: read models did not catch up" >&2; return 1
}
tables=$(sql -c "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
                 and table_name not in ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'command_log',
                   'flyway_schema_history', 'flyway_schema_history_projections', 'business_day_closed', 'event_chain', 'access_log',
                   'read_model_rebuild') order by 1")
wait_caught_up
sql -c "drop schema if exists before cascade; create schema before"
for t in $tables; do sql -c "create table before.$t as select * from public.$t"; done
# every read model at once, into new tables; "rebuilding" until they have replaced the live ones
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $admin" -H "Idempotency-Key: rebuild-all" "$url/admin/read-models/rebuild"
wait_caught_up
differences=0
for t in $tables; do
  n=$(sql -c "select (select count(*) from (select * from before.$t except all select * from public.$t) a)
                   + (select count(*) from (select * from public.$t except all select * from before.$t) b)")
  if [ "$n" != 0 ]; then echo "crash-test: read-model table $t differs from its rebuild in $n rows"; fi
  differences=$((differences + n))
done

echo "acknowledged: $acknowledged, stored: $stored, lost: $lost, duplicated: $duplicated"
echo "retried: $retried (stored exactly once: $retried_once), aggregates with a sequence gap: $gaps, read-model rows differing from a rebuild: $differences ($(echo $tables | wc -w) tables)"
if [ "${driver_failed:-0}" = 1 ] || [ "$lost" != 0 ] || [ "$duplicated" != 0 ] || [ "$gaps" != 0 ] || [ "$differences" != 0 ] \
   || [ "$retried" != "$retried_once" ] || [ "$acknowledged" != "$stored" ]; then
  echo "crash-test: FAILED"; exit 1
fi
echo "crash-test: passed"
