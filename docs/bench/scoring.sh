#!/usr/bin/env bash
# Scoring benchmark: full rescoring of 15,000 synthetic units (compute + rank + save), then 365 daily snapshots
# (≈ 5.5 M unit-day rows), then GET /api/rankings and a unit's history under load with wrk.
# Usage: docs/bench/scoring.sh [units] [days] [wrk-duration] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
UNITS="${1:-15000}"; DAYS="${2:-365}"; DURATION="${3:-20s}"; CONNECTIONS="${4:-8}"
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }

mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null \
    2>&1 || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.cp)"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr), $(java -version 2>&1 | head -1)"
# Part 1: full rescoring as the service does it, reading the evidence from stored crawl measurements (STORED=0 skips).
[ "${STORED:-1}" = 0 ] || java -Xmx3g -cp "$CP" org.egovmonitor.bench.StoredScoringBench "$UNITS" 2>&1 | grep -E '^(stored|full rescoring)'
# Part 2: scoring alone, a year of snapshots, and the read API under wrk.
FIFO=$(mktemp -u); mkfifo "$FIFO"
exec 3<>"$FIFO"
OUT=$(mktemp); LOG=$(mktemp)
java -Xmx3g -cp "$CP" org.egovmonitor.bench.ScoringBench "$UNITS" "$DAYS" <&3 >"$OUT" 2>"$LOG" &
BENCH=$!
trap 'exec 3>&-; kill $BENCH 2>/dev/null || true; rm -f "$FIFO" "$OUT" "$LOG"' EXIT
until grep -q READY "$OUT"; do
    kill -0 $BENCH 2>/dev/null || { echo "bench tool died"; exit 1; }
    sleep 1
done
read -r _ PORT UNIT USER PASSWORD < <(grep READY "$OUT")
grep -E '^(units=|history:)' "$LOG"
BASE="http://127.0.0.1:$PORT"
# One session, as a browser has: the cookie goes with every wrk request (HTTP Basic would run bcrypt each time).
COOKIE=$(curl -s -o /dev/null -D - -H 'Accept: application/json' -H "Origin: $BASE" --data-urlencode "username=$USER" \
    --data-urlencode "password=$PASSWORD" "$BASE/auth/login" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
[ -n "$COOKIE" ] || { echo "login failed"; exit 1; }
LUA=$(mktemp --suffix=.lua)
cat >"$LUA" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  requests %d  errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
# What the dashboards ask: the office's first page, the API's defaults (100 rows, all groups / one group), a deep
# page, another order, a search, an old day; the leader's group summary; the whole group (the CSV export's query, for
# comparison); a unit's history and scorecard.
PATHS=("/api/rankings?group=DEPARTMENTS&sort=rank&dir=asc&offset=0&limit=50" "/api/rankings"
       "/api/rankings?group=DEPARTMENTS"
       "/api/rankings?group=DEPARTMENTS&sort=rank&dir=asc&offset=3000&limit=50"
       "/api/rankings?group=DEPARTMENTS&sort=total&dir=desc&offset=0&limit=50"
       "/api/rankings?group=DEPARTMENTS&q=%E5%8D%95%E4%BD%8D12&sort=rank&dir=asc&offset=0&limit=50"
       "/api/rankings?group=TOWNSHIPS&date=2024-01-01&offset=0&limit=50"
       "/api/rankings?limit=0"
       "/api/rankings?group=DEPARTMENTS&limit=1000"
       "/api/units/$UNIT/history" "/api/units/$UNIT/scorecard")
# Warm-up (JIT, caches) over every URL first, not counted: a cold JVM made the first URL measured look worst.
for path in "${PATHS[@]}"; do
    wrk -t1 -c2 -d3s -H "Cookie: $COOKIE" "$BASE$path" >/dev/null
done
for path in "${PATHS[@]}"; do
    echo "== GET $path ($(curl -s -o /dev/null -H "Cookie: $COOKIE" -w '%{http_code}, %{size_download} bytes' "$BASE$path"))"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: $COOKIE" -s "$LUA" "$BASE$path" | grep -E 'Requests/sec|p95|Non-2xx' || true
done
