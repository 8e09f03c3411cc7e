#!/usr/bin/env bash
# Measurement-engine benchmark: `measure --sites` over the generated farm (N loopback sites, no added latency)
# against wget --spider and linkinator over the same sites, in one script run; then the ceilings: the farm's own
# rate (wrk) and a Jsoup parse-only rate over the pages the engine fetched.
#
# Every tool is run at the same level: the homepage and every link on it (wget -r -l 1, linkinator without
# --recurse, the engine: homepage + first list page of each classified section + a check of every homepage link).
# The farm counts every request it answers (GET/HEAD by status class, bytes: SiteFarm#requestCounts, served at
# /__farm/stats), so "requests" below is exactly what each tool asked for, robots.txt included.
#
# Usage: docs/bench/measure.sh [N=500] [CONCURRENCY=100] [WGET_PROCS=16]
#   N            farm sites (127.0.1.1 ...)
#   CONCURRENCY  sites measured at once by the engine (--concurrency); linkinator gets the same --concurrency
#                (its unit is connections, the engine's own connection cap is globalConcurrency 64)
#   WGET_PROCS   parallel wget processes without a wait (wget itself is sequential); the polite wget run (--wait=0.25,
#                the engine's per-host delay) uses CONCURRENCY processes, i.e. as many sites at once as the engine
# Installs what it needs: wget and wrk (apt-get), linkinator (npm, into a temporary prefix).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-500}
CONC=${2:-100}
WGET_PROCS=${3:-16}
NOW=2025-04-15
PORT=${BENCH_FARM_PORT:-18700}
WORK=$(mktemp -d)
FARM_PID=
cleanup() { [ -n "$FARM_PID" ] && kill -TERM "$FARM_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

need_apt() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need_apt wget wget
need_apt wrk wrk
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
npm install --silent --no-audit --no-fund --prefix "$WORK/npm" linkinator >/dev/null
LINKINATOR="$WORK/npm/node_modules/.bin/linkinator"

[ -f target/egov-monitor.jar ] || mvn -B -q -Dmaven.test.skip=true package
[ -f target/bench-runtime.cp ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-runtime.cp >/dev/null
CP="$PWD/target/classes:$(cat target/bench-runtime.cp)"
JAR=$PWD/target/egov-monitor.jar

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1); wget $(wget --version | head -1 | cut -d' ' -f3); linkinator $("$LINKINATOR" --version); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "load at start: $(load)"

java -Xmx2g -cp "$CP" org.egovmonitor.demo.farm.FarmMain "$N" 7 "$PORT" --now=$NOW >"$WORK/farm.tsv" 2>"$WORK/farm.err" &
FARM_PID=$!
for _ in $(seq 1 1200); do [ "$(wc -l <"$WORK/farm.tsv")" -ge "$N" ] && break; sleep 0.1; done
[ "$(wc -l <"$WORK/farm.tsv")" -ge "$N" ] || { echo "farm did not start; see $WORK/farm.err" >&2; cat "$WORK/farm.err" >&2; exit 1; }
awk -F'\t' '{print $1, $2}' "$WORK/farm.tsv" >"$WORK/sites.txt"
cut -f1 "$WORK/farm.tsv" >"$WORK/urls.txt"

# GET, HEAD (all status classes) and body bytes answered by the farm so far
stats() { curl -fs "http://127.0.0.1:$PORT/__farm/stats" | awk -F'\t' '
    /^GET/ {g += $2} /^HEAD/ {h += $2} /^bytes/ {b = $2} END {printf "%d %d %d\n", g, h, b}'; }

wget_all() { # $1 = work folder, $2 = processes; the rest = extra wget options
    local dir=$1 procs=$2; shift 2
    mkdir -p "$dir"
    (cd "$dir" && xargs -P "$procs" -n 1 wget --spider -r -l 1 -nv -e robots=on "$@" <"$WORK/urls.txt" \
        >"$dir/log" 2>&1) || true # wget exits 8 when a checked link is broken (the farm has broken links)
}

# Warm-up (not measured): every farm page a level-1 tool asks for is rendered and cached by the farm.
wget_all "$WORK/warm" "$WGET_PROCS"

printf '\n%-22s %7s %7s %8s %8s %9s %9s %8s %9s  %s\n' tool seconds sites/s GET HEAD "req/s" "GET/s" "peakRSS" "load1" note
RESULTS="$WORK/results.tsv"
run_tool() { # $1 = name, $2 = note, rest = command; row: name seconds get head req/s rss
    local name=$1 note=$2; shift 2
    local l0 b t0 t1 a
    l0=$(load | cut -d' ' -f1); b=($(stats)); t0=$(date +%s.%N)
    # through bash -c, so shell functions can be timed; GNU time reports the largest single process's peak RSS
    /usr/bin/time -v -o "$WORK/$name.time" bash -c '"$@"' _ "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || true
    t1=$(date +%s.%N); a=($(stats))
    local secs get head rss l1
    secs=$(echo "$t1 - $t0" | bc); get=$((a[0] - b[0])); head=$((a[1] - b[1]))
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$WORK/$name.time")
    l1=$(load | cut -d' ' -f1)
    printf '%-22s %7.1f %7.1f %8d %8d %9.0f %9.0f %6s MB %4s→%-4s  %s\n' "$name" "$secs" "$(echo "$N / $secs" | bc -l)" \
        "$get" "$head" "$(echo "($get + $head) / $secs" | bc -l)" "$(echo "$get / $secs" | bc -l)" "$rss" "$l0" "$l1" "$note"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$secs" "$get" "$head" "$rss" >>"$RESULTS"
}

cp -r crawlers "$WORK/crawlers-nodelay"
sed -i 's/^perHostDelayMs: .*/perHostDelayMs: 0/' "$WORK/crawlers-nodelay/crawl.yml"
measure() { # $1 = crawlers folder
    java -Xmx512m -jar "$JAR" measure --json --allow-private 127.0.0.0/8 --now $NOW --concurrency "$CONC" \
        --crawlers "$1" --sites "$WORK/sites.txt"
}

export WORK WGET_PROCS JAR NOW CONC
export -f wget_all measure
run_tool engine "defaults: 250 ms/host, 2 conn/host, --concurrency $CONC" measure "$PWD/crawlers"
run_tool wget "$WGET_PROCS procs, -r -l 1 --spider, no wait" wget_all "$WORK/wget" "$WGET_PROCS"
run_tool wget-polite "$CONC procs (sites at once, as the engine), --wait=0.25" wget_all "$WORK/wget-polite" "$CONC" \
    --wait=0.25
run_tool linkinator "all sites in one run, --concurrency $CONC" "$LINKINATOR" --concurrency "$CONC" --format json \
    $(cat "$WORK/urls.txt")
run_tool engine-nodelay "perHostDelayMs 0 (ceiling), else defaults" measure "$WORK/crawlers-nodelay"

# What the engine produced (both runs must agree: the delay changes timing, not results)
python3 - "$WORK/engine.out" "$WORK/engine-nodelay.out" "$WORK/pages.txt" <<'PY'
import json, sys
def read(path):
    return [json.loads(l) for l in open(path, encoding='utf-8') if l.startswith('{')]
runs = [read(p) for p in sys.argv[1:3]]
for name, rows in zip(('engine', 'engine-nodelay'), runs):
    print(f"{name}: {len(rows)} results, {sum(r['reachable'] for r in rows)} reachable, "
          f"pagesFetched {sum(r['pagesFetched'] for r in rows)} (homepage + section GETs), "
          f"sections {sum(len(r['sections']) for r in rows)}, link checks {sum(len(r['linkChecks']) for r in rows)}, "
          f"broken links {sum(len(r['brokenLinks']) for r in rows)}")
key = lambda r: (r['url'], [s['family'] for s in r['sections']], r['homepage']['newestDate'], len(r['brokenLinks']))
print("same results with and without the delay:", sorted(map(key, runs[0])) == sorted(map(key, runs[1])))
with open(sys.argv[3], 'w') as out:
    for r in runs[0]:
        for f in r['fetches']:
            if f['status'] == 200:
                out.write(f['finalUrl'] + '\n')
PY
python3 - "$WORK/linkinator.out" <<'PY'
import json, sys, collections
d = json.load(open(sys.argv[1]))
c = collections.Counter(l['state'] for l in d['links'])
print(f"linkinator: {len(d['links'])} links reported ({dict(c)})")
PY
echo "wget: $(grep -c 'URL:' "$WORK/wget/log" || true) URL lines; $(grep -ci 'broken link' "$WORK/wget/log" || true) broken-link notes"

# Ceilings over the pages the engine fetched with GET (homepages and section list pages)
echo
echo "ceilings over $(wc -l <"$WORK/pages.txt") pages (the engine's GETs), load $(load):"
python3 - "$WORK/pages.txt" "$WORK/wrk-targets.lua" <<'PY'
import sys, urllib.parse
pages = [l.strip() for l in open(sys.argv[1]) if l.strip()]
with open(sys.argv[2], 'w') as out:
    out.write('targets = {\n')
    for p in pages:
        u = urllib.parse.urlsplit(p)
        out.write('  {%r, %r},\n' % (u.netloc, (u.path or '/') + ('?' + u.query if u.query else '')))
    out.write('}\n')
PY
cat "$WORK/wrk-targets.lua" - >"$WORK/wrk.lua" <<'LUA'
local i = 0
request = function()
  i = i + 1
  local t = targets[(i % #targets) + 1]
  return wrk.format("GET", t[2], { ["Host"] = t[1] })
end
LUA
echo "wrk -t2 -c64 -d15s, the farm answering the same pages by Host header (wrk shares the 2 cores with it):"
wrk -t2 -c64 -d15s -s "$WORK/wrk.lua" "http://127.0.0.1:$PORT/" | grep -E 'Requests/sec|Transfer/sec|Latency|Non-2xx'
echo "load $(load)"
for threads in 1 2; do
    java -Xmx1g -cp "$CP" docs/bench/JsoupParseBench.java "$WORK/pages.txt" 5 "$threads"
done
echo "load at end: $(load)"
