#!/usr/bin/env bash
# Scheduling benchmark: crawl rounds of the real app (MeasurementEngine, observation store, Quartz cluster, crawl
# workers claiming items from PostgreSQL) over the generated farm, every farm response delayed by LATENCY_MS, with
# the default politeness of crawlers/crawl.yml (250 ms between two requests to one host, 2 connections per host;
# only allowPrivateCidrs is set, so the loopback farm may be fetched).
#
#   docs/bench/scheduling.sh compare [N=200] [WORKERS=8] [LATENCY_MS=100]
#       one round with 1 node, then one round with 2 nodes (the second app process joins the first's embedded
#       PostgreSQL), same sites, same workers per node; reports each round's time and how the items were spread.
#   docs/bench/scheduling.sh large [N=2000] [WORKERS=64] [LATENCY_MS=100]
#       one round with 1 node over N sites; reports round time, sites/s, the node's peak heap (from the GC log) and
#       peak RSS, and what that rate means for 14,000 sites (an extrapolation, labelled as such).
#
# Round time = crawl_rounds.finished_at - created_at (item creation to the last item done). Every node runs with
# -Xmx512m and a GC log. Rounds are started with POST /api/jobs/crawl-round/trigger (HTTP Basic, the bootstrap
# admin account of the node config). Builds target/egov-monitor.jar if missing. Needs psql (installed if missing).
# Everything runs on 127.0.0.0/8: the farm on 127.0.1.x, PostgreSQL and the nodes on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:-compare}
case "$MODE" in
    compare) N=${2:-200}; WORKERS=${3:-8} ;;
    large) N=${2:-2000}; WORKERS=${3:-64} ;;
    *) echo "usage: $0 compare|large [N] [WORKERS] [LATENCY_MS]" >&2; exit 2 ;;
esac
LATENCY=${4:-100}
[ -f target/egov-monitor.jar ] || mvn -B -q -Dmaven.test.skip=true package
[ -f target/bench-runtime.cp ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-runtime.cp >/dev/null
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
JAR=$PWD/target/egov-monitor.jar
FARM_CP="$PWD/target/classes:$(cat target/bench-runtime.cp)"
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
PG_PORT=${BENCH_PG_PORT:-18590}
FARM_PORT=${BENCH_FARM_PORT:-18599}
ADMIN_USER=bench
ADMIN_PASSWORD=bench-$RANDOM-$RANDOM
load() { cut -d' ' -f1-3 /proc/loadavg; }

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
  maxSize: 96
embeddedDatabase:
  dataDir: "$WORK/pg"
  port: $PG_PORT
logging: {level: WARN, appenders: [{type: console, target: stderr}]}
auth:
  adminUsername: "$ADMIN_USER"
  adminPassword: "$ADMIN_PASSWORD"
scheduler:
  crawlSettings: "$WORK/crawl.yml"
  crawlWorkersPerNode: $WORKERS
  pollInterval: 200ms
  # keep the probes out of the measured rounds
  availabilityEvery: 24h
  nodeProbeEvery: 24h
YML
}
NODE_PID=()
start_node() { # $1 = index
    java -Xmx512m -Xlog:gc:file="$WORK/node$1.gc" -jar "$JAR" server "$WORK/node$1.yml" \
        >"$WORK/node$1.out" 2>"$WORK/node$1.err" &
    PIDS+=($!); NODE_PID[$1]=$!
    for _ in $(seq 1 1200); do
        curl -fs "http://127.0.0.1:$((18601 + $1 * 2))/healthcheck" >/dev/null 2>&1 && return 0
        curl -fs -o /dev/null "http://127.0.0.1:$((18601 + $1 * 2))/ping" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "node $1 not up; see $WORK/node$1.err" >&2; tail -20 "$WORK/node$1.err" >&2; return 1
}
psql_q() {
    PGPASSWORD= psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -c "$1" postgres
}
round() { # $1 = rounds before this one; triggers a round on node 1, waits for it, prints its figures
    local l0; l0=$(load | cut -d' ' -f1)
    curl -fs -u "$ADMIN_USER:$ADMIN_PASSWORD" -X POST "http://127.0.0.1:18602/api/jobs/crawl-round/trigger" >/dev/null
    while [ "$(psql_q "SELECT count(*) FROM crawl_rounds")" = "$1" ] \
        || [ "$(psql_q "SELECT count(*) FROM crawl_rounds WHERE status = 'RUNNING'")" != "0" ]; do sleep 1; done
    local secs
    secs=$(psql_q "SELECT round(extract(epoch FROM finished_at - created_at)::numeric, 1) FROM crawl_rounds
                   ORDER BY id DESC LIMIT 1")
    echo "round: $N sites in $secs s = $(echo "scale=2; $N / $secs" | bc) sites/s (load ${l0} at start, $(load | cut -d' ' -f1) at end)"
    psql_q "SELECT '  ' || status || ' on ' || coalesce(claimed_by, '-') || ': ' || count(*) FROM crawl_items
             WHERE round_id = (SELECT max(id) FROM crawl_rounds) GROUP BY status, claimed_by ORDER BY 1"
    psql_q "SELECT '  pages fetched (sum of pagesFetched): ' || coalesce(sum(pages_fetched), 0) FROM measurements
             WHERE created_at >= (SELECT created_at FROM crawl_rounds ORDER BY id DESC LIMIT 1)" 2>/dev/null || true
    echo "$secs" >"$WORK/last-round"
}
peaks() { # $1 = index: peak heap before a GC (from the GC log) and peak RSS of the node so far
    local heap rss
    heap=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/node$1.gc" | cut -dM -f1 | sort -n | tail -1)
    rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/${NODE_PID[$1]}/status")
    echo "node $1: peak heap ${heap:-?} MB (largest heap occupancy before a GC; -Xmx512m), peak RSS ${rss} MB"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); load $(load)"
echo "$MODE: $N farm sites, ${LATENCY} ms added to every farm response, $WORKERS crawl workers per node," \
     "politeness: 250 ms/host, 2 connections/host (crawl.yml defaults)"

java -Xmx3g -cp "$FARM_CP" org.egovmonitor.demo.farm.FarmMain "$N" 7 "$FARM_PORT" --latency-ms="$LATENCY" >"$WORK/farm.tsv" \
    2>"$WORK/farm.err" &
PIDS+=($!)
for _ in $(seq 1 1800); do [ "$(wc -l <"$WORK/farm.tsv")" -ge "$N" ] && break; sleep 0.1; done
{
    echo "type,code,name,kind,parentCode,aliases,url,unitCode"
    echo "unit,bench-farm,基准农场,DEPARTMENT,,,,"
    awk -F'\t' '{ printf "site,,%s,%s,,,%s,bench-farm\n", $3, $2, $1 }' "$WORK/farm.tsv"
} >"$WORK/registry.csv"

node_config 1 embedded
node_config 2 "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
start_node 1
java -jar "$JAR" import-registry --config "$WORK/node2.yml" "$WORK/registry.csv" >/dev/null 2>"$WORK/import.err"
echo "sites in the registry: $(psql_q "SELECT count(*) FROM sites")"

if [ "$MODE" = compare ]; then
    echo "== 1 node"
    round 0
    one=$(cat "$WORK/last-round")
    start_node 2
    echo "== 2 nodes"
    round 1
    two=$(cat "$WORK/last-round")
    echo "speed-up with 2 nodes: $(echo "scale=2; $one / $two" | bc)x (target >= 1.8x)"
    peaks 1; peaks 2
else
    echo "== 1 node, large round"
    round 0
    secs=$(cat "$WORK/last-round")
    peaks 1
    echo "EXTRAPOLATION (not measured): 14,000 sites at this rate would take" \
         "$(echo "scale=0; 14000 * $secs / $N / 60" | bc) min (target <= 60 min)"
fi
