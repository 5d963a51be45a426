#!/usr/bin/env bash
# Two instances of the service on different ports against one fresh database. Both take commands,
# also at once on one customer (a conflict is retried, never a lost update); they share the event
# processors' segments through token_entry. Then instance A is killed with SIGKILL: B claims A's
# segments once A's claims time out, and nothing acknowledged is missing. Prints who holds which
# segments before and after, and the counts; exits 1 if anything is lost or left behind.
#   deploy/local/two-instances.sh
#   env: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) TWO_PORTS ("18441 18442") TWO_DB (ledger_two)
#        LEDGER_JAR (ledger-service/target/ledger-service.jar)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
read -r port_a port_b <<<"${TWO_PORTS:-18441 18442}"
db=${TWO_DB:-ledger_two}
dir=/tmp/ledger-two-$port_a
jar=${LEDGER_JAR:-$repo/ledger-service/target/ledger-service.jar}
sql() { psql -qtAX -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# name port [max segments per processor]
start() {
  SERVER_PORT=$2 MANAGEMENT_SERVER_PORT=0 SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME=$PGUSER \
    LEDGER_CLOSE_OF_DAY_CRON=- LEDGER_PROCESSOR_SEGMENTS=4 LEDGER_MAX_CLAIMED_SEGMENTS=${3:-2147483647} \
    nohup java -XX:TieredStopAtLevel=1 -jar "$jar" >"$dir/$1.log" 2>&1 </dev/null &
  echo $! >"$dir/$1.pid"
  disown
}
healthy() {
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "two-instances: the service on port $1 did not start; see $dir" >&2; return 1
}
# Both instances stopped and the database dropped, however it ends (the logs stay in $dir).
cleanup() {
  for i in a b; do [ -f "$dir/$i.pid" ] && kill "$(cat "$dir/$i.pid")" 2>/dev/null || true; done
  for i in a b; do
    for _ in $(seq 1 30); do kill -0 "$(cat "$dir/$i.pid" 2>/dev/null)" 2>/dev/null || break; sleep 1; done
  done
  psql -qX -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

[ -f "$jar" ] || (cd "$repo" && flock /tmp/mvn.lock mvn -q -T1 -DskipTests package)
rm -rf "$dir" && mkdir -p "$dir"
psql -qX -d postgres -c "drop database if exists $db with (force)" -c "create database $db" 2>/dev/null
LEDGER_SECURITY_JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export LEDGER_SECURITY_JWT_SECRET
token=$("$repo/deploy/local/mint-token.sh" two-instances service collector)

# A, started first, takes at most 2 of each processor's 4 segments and leaves B the rest.
start a "$port_a" 2; healthy "$port_a"
start b "$port_b"; healthy "$port_b"
owner_a="$(cat "$dir/a.pid")@" owner_b="$(cat "$dir/b.pid")@"
segments() {
  sql -F ' ' -c "select processor_name, segment,
                   case when owner like '$owner_a%' then 'A (port $port_a)' when owner like '$owner_b%' then 'B (port $port_b)'
                        else coalesce(owner, '-') end
                 from token_entry order by 1, 2" | awk '{printf "  %-28s segment %s: %s %s %s\n", $1, $2, $3, $4, $5}'
}
all_owned_by() {  # pattern
  [ "$(sql -c "select count(*) from token_entry where owner is null or owner not like '$1%'")" = 0 ] \
    && [ "$(sql -c "select count(*) from token_entry")" -gt 0 ]
}
for _ in $(seq 1 60); do
  [ "$(sql -c "select count(distinct split_part(owner, '@', 1)) from token_entry where owner is not null")" = 2 ] && break; sleep 1
done
echo "two-instances: segments before (A pid $(cat "$dir/a.pid"), B pid $(cat "$dir/b.pid")):"
segments

# send port commandId path body -> "commandId status"; a conflict or no answer is sent again with the same id
send() {
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$1$3" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -H "Idempotency-Key: $2" -d "$4" || true)
    case $status in 2??) echo "$2 $status"; return ;; 409|000|5??) sleep 0.2 ;; *) echo "$2 $status"; return ;; esac
  done
  echo "$2 $status"
}
export -f send; export token
today=$(TZ=Asia/Shanghai date +%F) due=$(TZ=Asia/Shanghai date -d '+40 days' +%F)
: >"$dir/answers"
for c in 1 2 3 4; do
  send "$port_a" "reg-$c" /customers "{\"customerId\": \"TWO-$c\", \"name\": \"Two instances $c\", \"occurredOn\": \"$today\"}" >>"$dir/answers"
  send "$port_b" "inv-$c" "/customers/TWO-$c/invoices" "{\"invoiceId\": \"INV-1\", \"occurredOn\": \"$today\", \"amount\": {\"amount\": \"100000.00\", \"currency\": \"CNY\"}, \"terms\": [{\"termId\": \"T1\", \"amount\": {\"amount\": \"100000.00\", \"currency\": \"CNY\"}, \"dueDate\": \"$due\"}]}" >>"$dir/answers"
done
# 200 payments on one customer at once, every other one through each instance
payments() {  # from to customer
  for i in $(seq "$1" "$2"); do
    port=$([ $((i % 2)) = 0 ] && echo "$port_a" || echo "$port_b")
    printf '%s\0%s\0%s\0%s\0' "$port" "pay-$3-$i" "/customers/$3/payments" \
      "{\"paymentId\": \"P-$i\", \"occurredOn\": \"$today\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"CNY\"}, \"method\": \"BANK_TRANSFER\"}"
  done | xargs -0 -n 4 -P 16 bash -c 'send "$@"' _ >>"$dir/answers"
}
payments 1 200 TWO-1
events_one=$(sql -c "select count(*) from domain_event_entry where aggregate_identifier = 'TWO-1' and payload_type like '%PaymentRecorded'")
echo "two-instances: 200 concurrent payments on TWO-1 through both instances: $(grep -c ' 2..$' "$dir/answers") commands acknowledged so far, $events_one payments recorded on TWO-1"

kill -9 "$(cat "$dir/a.pid")"
killed_at=$(date +%s)
echo "two-instances: killed A (SIGKILL); B takes the commands and, when A's claims time out, its segments"
port_a=$port_b payments 201 300 TWO-2
for _ in $(seq 1 120); do all_owned_by "$owner_b" && break; sleep 1; done
echo "two-instances: segments after $(( $(date +%s) - killed_at )) s:"
segments

acknowledged=$(grep -c ' 2..$' "$dir/answers" || true)
unanswered=$(grep -vc ' 2..$' "$dir/answers" || true)
ids=$(grep ' 2..$' "$dir/answers" | cut -d' ' -f1 | paste -sd,)
stored=$(sql -c "select count(*) from command_log where command_id = any('{$ids}')")
gaps=$(sql -c "select count(*) from (select aggregate_identifier from domain_event_entry group by 1
               having min(sequence_number) <> 0 or max(sequence_number) + 1 <> count(*)) g")
caught_up=false
for _ in $(seq 1 60); do
  curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port_b/admin/read-models" \
    | python3 -c 'import json,sys; sys.exit(0 if all(m["caughtUp"] for m in json.load(sys.stdin)) else 1)' && { caught_up=true; break; }
  sleep 1
done
payments_one=$(sql -c "select count(*) from domain_event_entry where aggregate_identifier = 'TWO-1' and payload_type like '%PaymentRecorded'")
echo "acknowledged: $acknowledged, stored: $stored, lost: $((acknowledged - stored)), not acknowledged: $unanswered"
echo "payments on TWO-1: $payments_one of 200, sequence gaps: $gaps, B holds every segment: $(all_owned_by "$owner_b" && echo yes || echo no), read models caught up on B: $caught_up"
if [ "$stored" != "$acknowledged" ] || [ "$unanswered" != 0 ] || [ "$payments_one" != 200 ] || [ "$gaps" != 0 ] \
   || ! all_owned_by "$owner_b" || [ "$caught_up" != true ]; then
  echo "two-instances: FAILED"; exit 1
fi
echo "two-instances: passed"
