#!/usr/bin/env bash
# Foundation benchmarks (issue: service foundation):
#   1. start to healthy, warm (embedded PostgreSQL included): `demo` on an initialised data folder, timed from
#      process start until GET /healthcheck answers 200; 5 runs, median reported.
#   2. import-registry of 15,000 units + 15,000 sites (CSV) into a fresh embedded database: the command's own
#      import time (parse, validate, write) and the whole command's wall time (JVM and PostgreSQL start included).
# Usage: docs/bench/foundation.sh   (builds target/egov-monitor.jar if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/egov-monitor.jar ] || mvn -B -q -DskipTests package
JAR=$PWD/target/egov-monitor.jar
WORK=$(mktemp -d)
trap 'pkill -f "egov-bench-marker" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=${BENCH_PORT:-18580}
ADMIN=${BENCH_ADMIN_PORT:-18581}

now() { date +%s.%N; }
# Starts the demo in the background; its pid is left in $pid (no subshell, so `wait` can reap it).
start_demo() {
    EGOV_DATA_DIR=$WORK/data PORT=$PORT ADMIN_PORT=$ADMIN \
        java -Degov-bench-marker=1 -jar "$JAR" demo >"$WORK/demo.out" 2>"$WORK/demo.err" &
    pid=$!
}
wait_healthy() {
    for _ in $(seq 1 600); do
        curl -fs "http://127.0.0.1:$ADMIN/healthcheck" >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    echo "not healthy; see $WORK/demo.err" >&2; return 1
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"

# Initialise the data folder once (initdb, migrations, demo registry): not measured.
start_demo; wait_healthy; kill -TERM "$pid"; wait "$pid" || true

times=()
for i in 1 2 3 4 5; do
    t0=$(now); start_demo; wait_healthy; t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc)")
    kill -TERM "$pid"; wait "$pid" || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "start-to-healthy (warm, embedded PostgreSQL included): runs ${times[*]} s; median ${median} s (target <= 8 s)"

python3 docs/bench/gen-registry.py 15000 >"$WORK/registry.csv"
t0=$(now)
out=$(EGOV_DATA_DIR=$WORK/import-data java -jar "$JAR" import-registry "$WORK/registry.csv" 2>"$WORK/import.err")
t1=$(now)
echo "import 15,000 units + 15,000 sites: $out; whole command $(echo "$t1 - $t0" | bc) s (fresh initdb + JVM included; target <= 10 s)"
