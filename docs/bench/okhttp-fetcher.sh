#!/usr/bin/env bash
# Fetcher before/after (issue 13): the engine of two builds over the same farm, politeness off (perHostDelayMs 0,
# else crawl.yml defaults), alternating the builds ROUNDS times so both see the same load. It is the engine-nodelay
# run of docs/bench/measure.sh (same farm, same command), without the other tools.
#
# Usage: docs/bench/okhttp-fetcher.sh BEFORE_JAR AFTER_JAR [N=500] [CONCURRENCY=100] [ROUNDS=2] [LATENCY_MS=0]
#   BEFORE_JAR / AFTER_JAR  two packaged builds (mvn -Dmaven.test.skip=true package), e.g. the commit before the
#                           change built from `git archive` into a temporary folder, and this tree's target/
#   N, CONCURRENCY          farm sites and `measure --concurrency`, as in measure.sh
#   LATENCY_MS              the farm's added latency per response (FarmMain --latency-ms), 0 = none
# Prints per run: seconds, sites/s, pages/s (pagesFetched: homepages + section GETs), GET and HEAD answered by the
# farm, requests/s, the engine's CPU seconds (user + system: fairer than wall time on a loaded machine), its peak RSS,
# the load average before and after; and whether all runs agree.
set -euo pipefail
cd "$(dirname "$0")/../.."
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
N=${3:-500}
CONC=${4:-100}
ROUNDS=${5:-2}
LATENCY=${6:-0}
NOW=2025-04-15
PORT=${BENCH_FARM_PORT:-18710}
WORK=$(mktemp -d)
FARM_PID=
cleanup() { [ -n "$FARM_PID" ] && kill -TERM "$FARM_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

[ -f target/bench-runtime.cp ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-runtime.cp >/dev/null
CP="$PWD/target/classes:$(cat target/bench-runtime.cp)"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores; load at start: $(load)"

FARM_ARGS=("$N" 7 "$PORT" --now=$NOW)
[ "$LATENCY" -gt 0 ] && FARM_ARGS+=(--latency-ms="$LATENCY")
java -Xmx2g -cp "$CP" org.egovmonitor.demo.farm.FarmMain "${FARM_ARGS[@]}" >"$WORK/farm.tsv" 2>"$WORK/farm.err" &
FARM_PID=$!
for _ in $(seq 1 1200); do [ "$(wc -l <"$WORK/farm.tsv")" -ge "$N" ] && break; sleep 0.1; done
[ "$(wc -l <"$WORK/farm.tsv")" -ge "$N" ] || { echo "farm did not start" >&2; cat "$WORK/farm.err" >&2; exit 1; }
awk -F'\t' '{print $1, $2}' "$WORK/farm.tsv" >"$WORK/sites.txt"
stats() { curl -fs "http://127.0.0.1:$PORT/__farm/stats" | awk -F'\t' '
    /^GET/ {g += $2} /^HEAD/ {h += $2} END {printf "%d %d\n", g, h}'; }

cp -r crawlers "$WORK/crawlers-nodelay"
sed -i 's/^perHostDelayMs: .*/perHostDelayMs: 0/' "$WORK/crawlers-nodelay/crawl.yml"

# warm-up (not measured): the farm renders and caches every page once, the JIT of the farm warms up
java -Xmx512m -jar "$AFTER" measure --json --allow-private 127.0.0.0/8 --now $NOW --concurrency "$CONC" \
    --crawlers "$WORK/crawlers-nodelay" --sites "$WORK/sites.txt" >/dev/null 2>&1 || true

printf '\n%-8s %7s %7s %7s %8s %8s %8s %7s %8s %11s\n' build seconds sites/s pages/s GET HEAD "req/s" "CPU s" peakRSS load1
for round in $(seq 1 "$ROUNDS"); do
    for build in before after; do
        jar=$BEFORE; [ $build = after ] && jar=$AFTER
        l0=$(load | cut -d' ' -f1); b=($(stats)); t0=$(date +%s.%N)
        /usr/bin/time -v -o "$WORK/$build-$round.time" java -Xmx512m -jar "$jar" measure --json \
            --allow-private 127.0.0.0/8 --now $NOW --concurrency "$CONC" --crawlers "$WORK/crawlers-nodelay" \
            --sites "$WORK/sites.txt" >"$WORK/$build-$round.out" 2>"$WORK/$build-$round.err" || true
        t1=$(date +%s.%N); a=($(stats)); l1=$(load | cut -d' ' -f1)
        secs=$(echo "$t1 - $t0" | bc); get=$((a[0] - b[0])); head=$((a[1] - b[1]))
        pages=$(python3 -c "import json,sys; print(sum(json.loads(l)['pagesFetched'] for l in open(sys.argv[1]) if l.startswith('{')))" "$WORK/$build-$round.out")
        rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$WORK/$build-$round.time")
        cpu=$(awk -F': ' '/User time|System time/ {c += $2} END {printf "%.1f", c}' "$WORK/$build-$round.time")
        printf '%-8s %7.1f %7.1f %7.0f %8d %8d %8.0f %7s %5s MB %4s→%-4s\n' "$build" "$secs" "$(echo "$N / $secs" | bc -l)" \
            "$(echo "$pages / $secs" | bc -l)" "$get" "$head" "$(echo "($get + $head) / $secs" | bc -l)" "$cpu" "$rss" \
            "$l0" "$l1"
    done
done

python3 - "$WORK" <<'PY'
import glob, json, os, sys
def key(path):
    rows = [json.loads(l) for l in open(path, encoding='utf-8') if l.startswith('{')]
    return sorted((r['url'], r['reachable'], r['pagesFetched'], tuple(s['family'] for s in r['sections']),
                   r['homepage']['newestDate'], len(r['linkChecks']), len(r['brokenLinks'])) for r in rows)
runs = {os.path.basename(p): key(p) for p in sorted(glob.glob(os.path.join(sys.argv[1], '*-*.out')))}
first = next(iter(runs.values()))
for name, k in runs.items():
    print(f"{name}: {len(k)} sites, {sum(r[1] for r in k)} reachable, pagesFetched {sum(r[2] for r in k)}, "
          f"link checks {sum(r[5] for r in k)}, broken {sum(r[6] for r in k)}")
print("all runs produced the same results:", all(k == first for k in runs.values()))
PY
echo "load at end: $(load)"
