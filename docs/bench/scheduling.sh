#!/usr/bin/env bash
# Scheduling benchmark (issue 4): one crawl round over N farm sites with 1 node, then with 2 nodes on the same
# database; reports the round's wall time (job_runs.started_at → finished_at) and how the items were spread.
# Needs the real MeasurementEngine wired (EgovMonitorApplication, "LEAD MERGE"); until then it can be pointed at
# a stand-in with MEASURER_CLASS/OBSERVATION_STORE_CLASS and a classpath that holds it (CP=...).
# Usage: docs/bench/scheduling.sh [N=300] [LATENCY_MS=100]   (builds target/egov-monitor.jar if missing)
# Everything runs on 127.0.0.0/8: the farm on 127.0.1.x, PostgreSQL and the nodes on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-300}
LATENCY=${2:-100}
[ -f target/egov-monitor.jar ] || mvn -B -q -DskipTests package
CP=${CP:-$PWD/target/egov-monitor.jar}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
PG_PORT=${BENCH_PG_PORT:-18590}
FARM_PORT=${BENCH_FARM_PORT:-18599}

cat >"$WORK/crawl.yml" <<YML
allowPrivateCidrs: [127.0.0.0/8]
YML

node_config() { # $1 = index, $2 = database url
    cat >"$WORK/node$1.yml" <<YML
server:
  applicationConnectors: [{type: http, port: $((18600 + $1 * 2))}]
  adminConnectors: [{type: http, port: $((18601 + $1 * 2))}]
  requestLog: {appenders: []}
database:
  driverClass: org.postgresql.Driver
  url: "$2"
  user: postgres
  password: ""
embeddedDatabase:
  dataDir: "$WORK/pg"
  port: $PG_PORT
logging: {level: WARN, appenders: [{type: console, target: stderr}]}
scheduler:
  crawlSettings: "$WORK/crawl.yml"
  crawlWorkersPerNode: ${WORKERS:-8}
  pollInterval: 200ms
  measurerClass: "${MEASURER_CLASS:-}"
  observationStoreClass: "${OBSERVATION_STORE_CLASS:-}"
YML
}
start_node() { # $1 = index
    java -cp "$CP" org.egovmonitor.EgovMonitorApplication server "$WORK/node$1.yml" \
        >"$WORK/node$1.out" 2>"$WORK/node$1.err" &
    PIDS+=($!)
    for _ in $(seq 1 1200); do
        curl -fs "http://127.0.0.1:$((18601 + $1 * 2))/healthcheck" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "node $1 not healthy; see $WORK/node$1.err" >&2; return 1
}
psql_q() {
    PGPASSWORD= psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -c "$1" postgres
}
round() { # triggers a round on node 1 and waits for it; prints seconds and items per node
    curl -fs -X POST "http://127.0.0.1:18602/api/jobs/crawl-round/trigger" >/dev/null
    while [ "$(psql_q "SELECT count(*) FROM crawl_rounds WHERE status = 'RUNNING'")" != "0" ] \
        || [ "$(psql_q "SELECT count(*) FROM crawl_rounds")" = "$1" ]; do sleep 0.5; done
    psql_q "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 1) FROM job_runs
             WHERE job = 'crawl-round' ORDER BY id DESC LIMIT 1"
    psql_q "SELECT claimed_by || ': ' || count(*) FROM crawl_items
             WHERE round_id = (SELECT max(id) FROM crawl_rounds) GROUP BY claimed_by"
}

command -v psql >/dev/null || { echo "needs psql (apt-get install -y postgresql-client)" >&2; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $N sites, ${LATENCY} ms farm latency"

java -cp "$CP" org.egovmonitor.farm.FarmMain "$N" 7 "$FARM_PORT" --latency-ms="$LATENCY" >"$WORK/farm.tsv" \
    2>"$WORK/farm.err" &
PIDS+=($!)
for _ in $(seq 1 600); do [ "$(wc -l <"$WORK/farm.tsv")" -ge "$N" ] && break; sleep 0.1; done
{
    echo "type,code,name,kind,parentCode,aliases,url,unitCode"
    echo "unit,bench-farm,基准农场,DEPARTMENT,,,,"
    awk -F'\t' '{ printf "site,,%s,%s,,,%s,bench-farm\n", $3, $2, $1 }' "$WORK/farm.tsv"
} >"$WORK/registry.csv"

node_config 1 embedded
node_config 2 "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
start_node 1
java -cp "$CP" org.egovmonitor.EgovMonitorApplication import-registry --config "$WORK/node2.yml" \
    "$WORK/registry.csv" >/dev/null

echo "== 1 node"
round 0
start_node 2
echo "== 2 nodes"
round 1
