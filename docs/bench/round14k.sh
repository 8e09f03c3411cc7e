#!/usr/bin/env bash
# The N-site crawl round, measured (issue 13 item 4): a farm of N generated government sites, each pinned to its own
# loopback address with LATENCY_MS added to every response; a fresh embedded-PostgreSQL data folder with the
# registry of N units and N sites imported; then one crawl round on 1 node and one on 2 nodes (the second app
# process joins the first's embedded PostgreSQL, the clustered mode), each started from the shipped config.yml.
#
#   docs/bench/round14k.sh [N=14000]
#
# Environment (all optional):
#   LATENCY_MS=100           delay the farm adds before every answer (scheduled, not slept)
#   NODES="1 2"              which rounds to run: "1", "2" or "1 2" (the 2-node round follows the 1-node one)
#   ROUND_TIMEOUT_MIN=900    a round still running after this long fails the script (4 workers: ~10 h at 14,000)
#   NODE_JAVA_OPTS=-Xmx512m  JVM options of every node (the heap target is 512 MB, so the default enforces it)
#   FARM_CACHE=2000          generated sites the farm keeps (~140 KB each); evicted ones are generated again
#   BENCH_PORT_BASE=18890    PostgreSQL on BASE, the farm on BASE+9, node k on BASE+10+2k / BASE+11+2k
#   KEEP=1                   keep the work folder (data folder, logs, GC logs) instead of deleting it
#
# Node settings: config.yml as shipped; only what the environment of config.yml exposes is set (EGOV_DATA_DIR, PORT,
# ADMIN_PORT, DATABASE_URL for node 2, the bootstrap admin, CRAWL_SETTINGS) plus -Ddw.embeddedDatabase.port so that
# node 2 can reach node 1's PostgreSQL. CRAWL_SETTINGS names a crawl.yml holding only allowPrivateCidrs
# [127.0.0.0/8] and hostOverrides (www.bNNNNN.gov.cn -> 127.1.x.y:farm-port); every other fetch setting is the
# crawl.yml default (250 ms between two requests to one host, 2 connections per host). Crawl workers, database pool,
# probes: the shipped defaults.
#
# Figures per round: wall time (crawl_rounds.finished_at - created_at), items DONE / FAILED and measurements
# reachable / unreachable, farm requests per site (the farm's own counters, zeroed before the round: total, median,
# max, and requests that arrived on another address than the site's own, which must be 0), each node's peak heap
# (largest heap occupancy before and after a GC in its -Xlog:gc log) and peak RSS, pg_database_size before and
# after. Progress every 30 s. Ends with a markdown table; exits non-zero when a round fails, times out or a node
# dies. Needs psql and curl (psql installed with apt-get if missing); builds the jar and test classes if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-14000}
LATENCY_MS=${LATENCY_MS:-100}
NODES=${NODES:-1 2}
ROUND_TIMEOUT_MIN=${ROUND_TIMEOUT_MIN:-900}
NODE_JAVA_OPTS=${NODE_JAVA_OPTS:--Xmx512m}
FARM_CACHE=${FARM_CACHE:-2000}
BASE=${BENCH_PORT_BASE:-18890}
PG_PORT=$BASE
FARM_PORT=$((BASE + 9))
REPO=$PWD

[ -f target/egov-monitor.jar ] || mvn -B -q -Dmaven.test.skip=true package
[ -f target/test-classes/org/egovmonitor/bench/RoundFarm.class ] || mvn -B -q -o test-compile
[ -f target/bench-runtime.cp ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-runtime.cp >/dev/null
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
JAR=$REPO/target/egov-monitor.jar
FARM_CP="$REPO/target/test-classes:$REPO/target/classes:$(cat target/bench-runtime.cp)"
WORK=$(mktemp -d /tmp/round14k.XXXXXX)
RESULTS=$REPO/target/round14k-$N-$(date -u +%Y%m%dT%H%M%SZ).md
ADMIN_USER=bench
ADMIN_PASSWORD=bench-$RANDOM-$RANDOM-$RANDOM
FARM_PID=
declare -A NODE_PID=()

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
load() { cut -d' ' -f1 /proc/loadavg; }
calc() { LC_ALL=C printf "%.${2}f" "$(echo "scale=6; $1" | bc)"; } # $1 = expression, $2 = decimals
die() { log "FAILED: $*"; exit 1; }

stop_pid() { # $1 = pid we started: TERM, up to 60 s, then KILL
    local p=$1
    kill -0 "$p" 2>/dev/null || return 0
    kill -TERM "$p" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.5; done
    kill -KILL "$p" 2>/dev/null || true
}
stop_node() { # $1 = index
    [ -n "${NODE_PID[$1]:-}" ] || return 0
    stop_pid "${NODE_PID[$1]}"
    NODE_PID[$1]=
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    for k in $(printf '%s\n' "${!NODE_PID[@]}" | sort -rn); do stop_node "$k"; done
    [ -n "$FARM_PID" ] && stop_pid "$FARM_PID"
    # a node killed hard leaves its embedded PostgreSQL behind: stop the postmaster it started in our data folder
    local pidfile
    pidfile=$(find "$WORK" -name postmaster.pid 2>/dev/null | head -1)
    if [ -n "$pidfile" ]; then
        local pg; pg=$(head -1 "$pidfile")
        if [ -n "$pg" ] && tr '\0' ' ' <"/proc/$pg/cmdline" 2>/dev/null | grep -q "$WORK"; then
            kill -INT "$pg" 2>/dev/null || true
            sleep 2
        fi
    fi
    if [ "${KEEP:-0}" = 1 ] || [ "$rc" != 0 ]; then
        echo "work folder kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql_q() { PGPASSWORD= psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -v ON_ERROR_STOP=1 -c "$1" postgres; }
farm_stats() { curl -fsS "http://127.0.0.1:$FARM_PORT/__farm/stats"; }
stat_of() { awk -F'\t' -v k="$2" '$1 == k { print $2 }' "$1"; }

node_env() { # $1 = index: the environment config.yml reads
    local db=embedded
    [ "$1" = 1 ] || db="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
    echo "EGOV_DATA_DIR=$WORK/data$1 PORT=$((BASE + 10 + 2 * $1)) ADMIN_PORT=$((BASE + 11 + 2 * $1))" \
         "DATABASE_URL=$db CRAWL_SETTINGS=$WORK/crawl.yml EGOV_ADMIN_USER=$ADMIN_USER EGOV_ADMIN_PASSWORD=$ADMIN_PASSWORD"
}
start_node() { # $1 = index, $2 = label of the run (names the logs)
    local k=$1 tag=$2
    # shellcheck disable=SC2046
    env $(node_env "$k") java $NODE_JAVA_OPTS -Xlog:gc:file="$WORK/$tag-node$k.gc" \
        -Ddw.embeddedDatabase.port="$PG_PORT" -jar "$JAR" server config.yml \
        >"$WORK/$tag-node$k.out" 2>"$WORK/$tag-node$k.err" &
    NODE_PID[$k]=$!
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "http://127.0.0.1:$((BASE + 11 + 2 * k))/ping" 2>/dev/null && return 0
        kill -0 "${NODE_PID[$k]}" 2>/dev/null || break
        sleep 0.5
    done
    tail -30 "$WORK/$tag-node$k.err" >&2
    die "node $k did not start (log: $WORK/$tag-node$k.err)"
}
heap_peaks() { # $1 = GC log: "before after" in MB, the largest heap occupancy before and after a GC
    local b a
    b=$(grep -oE '[0-9]+M->[0-9]+M' "$1" | sed 's/M->.*//' | sort -n | tail -1)
    a=$(grep -oE '[0-9]+M->[0-9]+M' "$1" | sed 's/.*->//; s/M//' | sort -n | tail -1)
    echo "${b:-?} ${a:-?}"
}
rss_peak() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

ROWS=()
run_round() { # $1 = number of nodes
    local nodes=$1 tag="n$1"
    log "== $nodes node(s): starting"
    for k in $(seq 1 "$nodes"); do start_node "$k" "$tag"; done
    log "nodes up (load $(load)); zeroing the farm counters"
    curl -fsS "http://127.0.0.1:$FARM_PORT/__farm/reset" >/dev/null
    local db0 l0 t0 resp round
    db0=$(psql_q "SELECT pg_database_size('postgres')")
    l0=$(load)
    t0=$(date +%s)
    resp=$(curl -fsS -u "$ADMIN_USER:$ADMIN_PASSWORD" -X POST \
        "http://127.0.0.1:$((BASE + 12))/api/jobs/crawl-round/trigger") || die "trigger refused"
    round=$(echo "$resp" | grep -oE '"roundId" *: *[0-9]+' | grep -oE '[0-9]+$') || die "no roundId in $resp"
    log "round $round triggered on node 1"
    local deadline=$((t0 + ROUND_TIMEOUT_MIN * 60)) last=0 status done failed total now
    while :; do
        IFS='|' read -r status total done failed < <(psql_q "SELECT r.status, r.total,
            count(*) FILTER (WHERE i.status IN ('DONE', 'FAILED')), count(*) FILTER (WHERE i.status = 'FAILED')
            FROM crawl_rounds r LEFT JOIN crawl_items i ON i.round_id = r.id WHERE r.id = $round
            GROUP BY r.status, r.total")
        done=${done:-0}; failed=${failed:-0}; total=${total:-?}
        [ "$status" = FINISHED ] && break
        now=$(date +%s)
        for k in $(seq 1 "$nodes"); do
            kill -0 "${NODE_PID[$k]}" 2>/dev/null || { tail -30 "$WORK/$tag-node$k.err" >&2; die "node $k died"; }
        done
        [ "$now" -lt "$deadline" ] || die "round $round not finished after $ROUND_TIMEOUT_MIN min ($done/$total)"
        if [ $((now - last)) -ge 30 ]; then
            local el=$((now - t0)) rate eta
            rate=$(calc "$done / ($el + 0.001)" 2)
            eta=$( [ "$done" -gt 0 ] && echo "$(( (total - done) * el / done / 60 )) min" || echo "?")
            log "round $round: $done / $total sites done ($failed failed), $el s, $rate sites/s, ETA $eta," \
                "load $(load), farm requests $(farm_stats | awk -F'\t' '$1 == "requests" { print $2 }')"
            last=$now
        fi
        sleep 2
    done
    local wall secs db1 ok bad reach unreach
    wall=$(( $(date +%s) - t0 ))
    secs=$(psql_q "SELECT round(extract(epoch FROM finished_at - created_at)::numeric, 1) FROM crawl_rounds WHERE id = $round")
    db1=$(psql_q "SELECT pg_database_size('postgres')")
    IFS='|' read -r ok bad < <(psql_q "SELECT count(*) FILTER (WHERE status = 'DONE'), count(*) FILTER (WHERE status = 'FAILED')
        FROM crawl_items WHERE round_id = $round")
    IFS='|' read -r reach unreach < <(psql_q "SELECT count(*) FILTER (WHERE m.reachable), count(*) FILTER (WHERE NOT m.reachable)
        FROM crawl_items i JOIN measurements m ON m.task_key = 'crawl-item:' || i.id WHERE i.round_id = $round")
    # jobs of the default schedule that ran during the round (the availability probe fetches every homepage, and
    # its requests are in the farm's counts)
    local others
    others=$(psql_q "SELECT coalesce(string_agg(job || ' ' || status, ', ' ORDER BY id), 'none') FROM job_runs
        WHERE job <> 'crawl-round' AND started_at BETWEEN (SELECT created_at FROM crawl_rounds WHERE id = $round)
        AND (SELECT finished_at FROM crawl_rounds WHERE id = $round)")
    log "  other jobs during the round: $others"
    farm_stats >"$WORK/$tag-farm.stats"
    local fs=$WORK/$tag-farm.stats
    log "round $round finished: $secs s (script wall $wall s), load $l0 -> $(load)"
    log "  items DONE $ok, FAILED $bad; measurements reachable $reach, unreachable $unreach"
    psql_q "SELECT '  items on ' || coalesce(claimed_by, '-') || ': ' || count(*) FROM crawl_items
            WHERE round_id = $round GROUP BY claimed_by ORDER BY 1"
    log "  farm: $(tr '\t\n' '= ' <"$fs")"
    [ "$(stat_of "$fs" wrong_address)" = 0 ] || log "  WARNING: requests arrived on another address than their site's"
    local heaps="" rss=""
    for k in $(seq 1 "$nodes"); do
        read -r hb ha < <(heap_peaks "$WORK/$tag-node$k.gc")
        heaps+="${heaps:+ / }$hb MB ($ha after GC)"
        rss+="${rss:+ / }$(rss_peak "${NODE_PID[$k]}") MB"
    done
    log "  peak heap per node: $heaps; peak RSS: $rss"
    log "  database: $((db0 / 1048576)) MB -> $((db1 / 1048576)) MB"
    local req per
    req=$(stat_of "$fs" requests)
    per=$(calc "$req / $N" 1)
    ROWS+=("| $nodes | $secs s ($(calc "$secs / 60" 1) min) | $(calc "$N / $secs" 2) | $ok / $bad | $reach / $unreach | $per (median $(stat_of "$fs" per_site_median), max $(stat_of "$fs" per_site_max)) | $heaps | $rss | $((db0 / 1048576)) → $((db1 / 1048576)) MB | $others | $l0 → $(load) |")
    echo "$secs" >"$WORK/$tag.secs"
    # node 1 last: its embedded PostgreSQL waits for the other nodes' connections to close before it stops
    for k in $(seq "$nodes" -1 1); do stop_node "$k"; done
    [ "$bad" = 0 ] || die "$bad sites FAILED in round $round"
}

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1); load $(load)"
log "$N sites, ${LATENCY_MS} ms added latency, node JVM: $NODE_JAVA_OPTS; work folder $WORK"

java -Xmx1g -Xlog:gc:file="$WORK/farm.gc" -cp "$FARM_CP" org.egovmonitor.bench.RoundFarm "$N" 7 "$FARM_PORT" \
    --latency-ms="$LATENCY_MS" --cache="$FARM_CACHE" >"$WORK/farm.tsv" 2>"$WORK/farm.err" &
FARM_PID=$!
for _ in $(seq 1 600); do
    grep -q '^serving' "$WORK/farm.err" 2>/dev/null && break
    kill -0 "$FARM_PID" 2>/dev/null || { cat "$WORK/farm.err" >&2; die "farm died"; }
    sleep 0.1
done
[ "$(wc -l <"$WORK/farm.tsv")" = "$N" ] || die "farm listed $(wc -l <"$WORK/farm.tsv") sites, not $N"
log "farm up: $(tail -1 "$WORK/farm.err")"

# registry: N units (one county per 100, the rest county departments, as gen-registry.py) and one site each
awk -F'\t' -v n="$N" 'BEGIN { print "type,code,name,kind,parentCode,aliases,url,unitCode"; c = int(n / 100); if (c < 1) c = 1 }
    { i = NR - 1
      if (i < c) printf "unit,b-c%d,基准县%d,COUNTY,,,,\n", i, i
      else printf "unit,b-u%d,基准单位%d,COUNTY_DEPARTMENT,b-c%d,,,\n", i, i, i % c
      site[i] = sprintf("site,,%s,%s,,,http://%s/,%s", $4, $3, $1, (i < c ? "b-c" i : "b-u" i)) }
    END { for (i = 0; i < NR; i++) print site[i] }' "$WORK/farm.tsv" >"$WORK/registry.csv"
{
    echo "# written by docs/bench/round14k.sh: only what a loopback farm needs; everything else is the default"
    echo "allowPrivateCidrs: [127.0.0.0/8]"
    echo "hostOverrides:"
    awk -F'\t' -v p="$FARM_PORT" '{ printf "  %s: \"%s:%d\"\n", $1, $2, p }' "$WORK/farm.tsv"
} >"$WORK/crawl.yml"

log "importing the registry into a fresh data folder"
t=$(date +%s%N)
# shellcheck disable=SC2046
env $(node_env 1) java -Ddw.embeddedDatabase.port="$PG_PORT" -jar "$JAR" import-registry "$WORK/registry.csv" \
    >"$WORK/import.out" 2>"$WORK/import.err" || { tail -20 "$WORK/import.err" >&2; die "import-registry failed"; }
log "  $(cat "$WORK/import.out") (whole command $(( ($(date +%s%N) - t) / 1000000 )) ms)"

for nodes in $NODES; do
    run_round "$nodes"
done

{
    echo "$N sites, ${LATENCY_MS} ms added latency, $(nproc) cores, node JVM $NODE_JAVA_OPTS, $(date -u +%Y-%m-%d)"
    echo
    echo "| nodes | round time | sites/s | items done / failed | reachable / unreachable | farm requests per site | peak heap per node (before GC; after GC) | peak RSS | database size | other jobs during the round | load (1 min) |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    if [ -f "$WORK/n1.secs" ] && [ -f "$WORK/n2.secs" ]; then
        echo
        echo "speed-up with 2 nodes: $(calc "$(cat "$WORK/n1.secs") / $(cat "$WORK/n2.secs")" 2)x"
    fi
} | tee "$RESULTS"
log "table saved to $RESULTS"
