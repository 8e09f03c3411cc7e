#!/usr/bin/env bash
# Soak test of a running service (issue 12): the demo on its embedded PostgreSQL under DURATION seconds of mixed
# traffic, then checks that it still answers, that no request got a 5xx, and that its heap after a full GC is back
# near where it started.
#
#   docs/bench/soak.sh [DURATION=1800]
#
# Traffic, in rounds until DURATION is over:
#   - reads of the API and the dashboard pages as the office (HTTP Basic), the leader and anonymously;
#   - logins with wrong passwords (the demo office account's name included): 401/429, never 5xx;
#   - hostile requests: a NUL in a query, a far offset, a 1 MB login form (413), a NaN what-if weight (422);
#   - a crawl round trigger every 5 minutes (202, or 409 while one runs) over the demo farm;
#   - database commands beside the service every 3 minutes (export-registry, db migrate, create-user): the service
#     must keep its database (issue 12 item 1).
# Heap: `jcmd PID GC.run` then the used heap from `GC.heap_info`, at start (after the demo's first round) and at the
# end. Prints one line per minute and a summary; exits non-zero on any 5xx, a dead service or a failed command.
# Builds target/egov-monitor.jar if missing. Everything listens on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-1800}
[ -f target/egov-monitor.jar ] || mvn -B -q -Dmaven.test.skip=true package
JAR=$PWD/target/egov-monitor.jar
WORK=$(mktemp -d)
PORT=${SOAK_PORT:-18700}
ADMIN_PORT=${SOAK_ADMIN_PORT:-18701}
SOAK_USER=soak-office
PASS=soak-$RANDOM-$RANDOM-$RANDOM
BASE=http://127.0.0.1:$PORT
SERVICE_PID=
cleanup() { [ -n "$SERVICE_PID" ] && kill -TERM "$SERVICE_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

export EGOV_DATA_DIR=$WORK/data PORT ADMIN_PORT
java -Xmx512m -jar "$JAR" demo >"$WORK/service.out" 2>"$WORK/service.err" &
SERVICE_PID=$!
for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$ADMIN_PORT/healthcheck" >/dev/null 2>&1 && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died at start:"; tail -20 "$WORK/service.err"; exit 1; }
    sleep 1
done
curl -fsS "http://127.0.0.1:$ADMIN_PORT/healthcheck" >/dev/null || { echo "service not healthy after 180 s"; exit 1; }

heap_mb() { # used heap after a full GC, in MB
    jcmd "$SERVICE_PID" GC.run >/dev/null
    jcmd "$SERVICE_PID" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|total .* used/ {
        for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit } }'
}

STATUS_LOG=$WORK/status.log
: >"$STATUS_LOG"
req() { # method path [curl args...]: records the status code
    local method=$1 path=$2
    shift 2
    curl -s -o /dev/null -w '%{http_code}\n' -X "$method" --max-time 30 "$@" "$BASE$path" >>"$STATUS_LOG" || echo 000 >>"$STATUS_LOG"
}
cli() { # a database command beside the service; a failure ends the soak
    if ! java -Xmx256m -jar "$JAR" "$@" >"$WORK/cli.out" 2>"$WORK/cli.err"; then
        echo "command failed: $*"; tail -5 "$WORK/cli.err"; exit 1
    fi
}

# The soak's own office account, created beside the running service (a database command must not stop it).
echo "$PASS" | cli create-user --username "$SOAK_USER" --role OFFICE --password-stdin

# Wait for the demo's first crawl round so that the start heap includes a round's worth of caches.
for _ in $(seq 1 300); do
    [ "$(curl -s -u "$SOAK_USER:$PASS" "$BASE/api/jobs/runs?job=crawl-round&limit=1" | grep -c SUCCEEDED)" -gt 0 ] && break
    sleep 2
done
HEAP_START=$(heap_mb)
echo "service pid $SERVICE_PID, heap after GC at start: ${HEAP_START} MB"

OFFICE=(-u "$SOAK_USER:$PASS")
# A 1 MB login form (413 before it is read), written once.
head -c 1048576 /dev/zero | tr '\0' 'a' | sed 's/^/username=x\&password=/' >"$WORK/big.form"
START=$(date +%s)
LAST_ROUND=0
LAST_CLI=0
LAST_REPORT=$START
CLI_RUNS=0
ROUNDS_ASKED=0
while [ $(( $(date +%s) - START )) -lt "$DURATION" ]; do
    now=$(date +%s)
    for path in /api/units /api/sites /api/nodes /api/coverage /api/rankings /api/rankings.csv \
            /api/jobs /api/jobs/runs /api/availability /api/me /api/bottlenecks/matrix /api/contributions \
            /api/warnings /api/indicators /api/units/czs-jw/scorecard /api/units/czs-jw/measurements/latest; do
        req GET "$path" "${OFFICE[@]}"
    done
    for page in / /office.html /leader.html /department.html /login.html; do
        req GET "$page" "${OFFICE[@]}"
    done
    req GET /api/units
    req GET "/api/units?offset=2147483647" "${OFFICE[@]}"
    req GET "/api/rankings?q=%00" "${OFFICE[@]}"
    for i in 1 2 3; do
        req POST /auth/login -H "Origin: $BASE" -H "Accept: application/json" \
            --data-urlencode "username=demo-office" --data-urlencode "password=wrong-$RANDOM"
        req POST /auth/login -H "Origin: $BASE" -H "Accept: application/json" \
            --data-urlencode "username=nobody-$RANDOM" --data-urlencode "password=wrong"
    done
    req POST /auth/login -H "Origin: $BASE" -H "Content-Type: application/x-www-form-urlencoded" --data-binary "@$WORK/big.form"
    req POST /api/scoring/what-if "${OFFICE[@]}" -H "Content-Type: application/json" -d '{"weights":{"availability":"NaN"}}'
    if [ $((now - LAST_ROUND)) -ge 300 ]; then
        req POST /api/jobs/crawl-round/trigger "${OFFICE[@]}" -H "Content-Type: application/json" -d '{}'
        ROUNDS_ASKED=$((ROUNDS_ASKED + 1)); LAST_ROUND=$now
    fi
    if [ $((now - LAST_CLI)) -ge 180 ]; then
        cli export-registry --output "$WORK/registry.yml" </dev/null
        cli db migrate </dev/null
        echo "soak-pass-$RANDOM-$RANDOM" | cli create-user --username "soak-$now" --role LEADER --password-stdin
        CLI_RUNS=$((CLI_RUNS + 3)); LAST_CLI=$now
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "service died"; tail -20 "$WORK/service.err"; exit 1; }
    if [ $((now - LAST_REPORT)) -ge 60 ]; then
        echo "$(( now - START )) s: $(wc -l <"$STATUS_LOG") requests, 5xx $(grep -c '^5' "$STATUS_LOG" || true)," \
            "RSS $(($(awk '/VmRSS/ {print $2}' /proc/$SERVICE_PID/status) / 1024)) MB"
        LAST_REPORT=$now
    fi
done

HEALTH=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/units" "${OFFICE[@]}")
HEAP_END=$(heap_mb)
TOTAL=$(wc -l <"$STATUS_LOG")
FIVE=$(grep -c '^5' "$STATUS_LOG" || true)
DROPPED=$(grep -c '^000' "$STATUS_LOG" || true)
echo "---"
echo "duration ${DURATION} s, requests $TOTAL, by status: $(sort "$STATUS_LOG" | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
echo "5xx: $FIVE, no answer: $DROPPED, crawl triggers: $ROUNDS_ASKED, commands beside the service: $CLI_RUNS"
echo "heap after GC: start ${HEAP_START} MB, end ${HEAP_END} MB; service answers /api/units: $HEALTH"
[ "$FIVE" -eq 0 ] && [ "$DROPPED" -eq 0 ] && [ "$HEALTH" = 200 ]
