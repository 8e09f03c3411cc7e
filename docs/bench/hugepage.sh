#!/usr/bin/env bash
# One huge page (issue 13): `measure --json` of three generated hostile homepages, one JVM each, under a small heap.
#   many  100,000 distinct links (4.3 MB)        big   5,000,000 bytes of news blocks and text (20,000 dated links)
#   deep  20,000 nested divs around the navigation and a dated list
# The pages come from org.egovmonitor.testing.hostile.HugePages (the generator MeasureHugePageTest uses), served on
# 127.0.0.1; their item links answer 404, so every link check is a real request.
#
# Usage: [CLASSES=dir] docs/bench/hugepage.sh [XMX=128m] [DELAY_MS=0] [JFR=0]
#   CLASSES   the engine's compiled classes (default target/classes), e.g. an older commit's to compare
#   XMX       heap of the measure JVM (-Xmx)
#   DELAY_MS  perHostDelayMs of crawl.yml (0 = the engine's own cost; 250 = shipped politeness, which makes the
#             link-check sample cost about sample x 250 ms on one host, whatever the page)
#   JFR       1 = also record a JFR profile per page and print its 15 hottest methods (top frames of
#             jdk.ExecutionSample)
# Per page: wall and CPU (user + sys) seconds of the measure JVM, peak used heap (largest "before" figure of -Xlog:gc,
# or the heap used at exit if larger: with a large -Xmx this is mostly garbage G1 had no reason to collect yet), peak
# live heap (largest "after" figure: what survived a collection, an upper bound of the live set), peak RSS
# (/usr/bin/time -v), and what was measured (reachable, sections, homepage dated items, links checked of found).
set -euo pipefail
cd "$(dirname "$0")/../.."
XMX=${1:-128m}
DELAY=${2:-0}
JFR=${3:-0}
WORK=$(mktemp -d)
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

[ -f target/test-classes/org/egovmonitor/testing/hostile/HugePages.class ] || mvn -B -q test-compile
[ -f target/bench-runtime.cp ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-runtime.cp >/dev/null
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
CLASSES=${CLASSES:-$PWD/target/classes}
SERVER_CP="$PWD/target/test-classes:$PWD/target/classes:$(cat target/bench-runtime.cp)"
CP="$CLASSES:$(cat target/bench-runtime.cp)"

mkdir -p "$WORK/crawlers"
sed "s/^perHostDelayMs: .*/perHostDelayMs: $DELAY/" crawlers/crawl.yml >"$WORK/crawlers/crawl.yml"
cp crawlers/sections.yml "$WORK/crawlers/"

java -Xmx1g -cp "$SERVER_CP" org.egovmonitor.testing.hostile.HugePages >"$WORK/urls.txt" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 300); do [ "$(cat "$WORK/urls.txt" 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 0.1; done
[ "$(wc -l <"$WORK/urls.txt")" -ge 3 ] || { cat "$WORK/server.err" >&2; exit 1; }

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); -Xmx$XMX, perHostDelayMs $DELAY; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-5s %6s %6s %8s %8s %8s  %s\n' page 'wall s' 'CPU s' 'heap MB' 'live MB' 'RSS MB' result
while read -r url; do
    name=$(basename "$url")
    jfr_opt=()
    [ "$JFR" = 1 ] && jfr_opt=("-XX:StartFlightRecording=filename=$WORK/$name.jfr,settings=profile")
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$WORK/$name.time" java -Xmx"$XMX" -Xlog:gc,gc+heap+exit:file="$WORK/$name.gc" \
        "${jfr_opt[@]}" -cp "$CP" org.egovmonitor.EgovMonitorApplication measure --json --allow-private 127.0.0.0/8 \
        --now 2025-04-15 --crawlers "$WORK/crawlers" "$url" >"$WORK/$name.json" 2>"$WORK/$name.err" || true
    end=$(date +%s.%N)
    peak=$(python3 - "$WORK/$name.gc" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
mb = [int(m) for m in re.findall(r' (\d+)M->\d+M\(', text)]
live = [int(m) for m in re.findall(r' \d+M->(\d+)M\(', text)]
exit_used = re.findall(r'garbage-first heap\s+total \d+K, used (\d+)K', text)
mb += [int(k) // 1024 for k in exit_used]
print(f"{max(mb) if mb else 0} {max(live) if live else 0}")
PY
)
    rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$WORK/$name.time")
    cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f", u + s}' "$WORK/$name.time")
    result=$(python3 - "$WORK/$name.json" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
if not lines:
    print("no result"); sys.exit()
m = json.loads(lines[-1])
checked = len(m.get("linkChecks", []))
found = checked + m.get("linksNotChecked", 0)
print(f"reachable={m['reachable']} error={m.get('errorKind')} sections={len(m['sections'])} "
      f"dated={m['homepage']['datedItems']} checked {checked} of {found} links")
PY
)
    printf '%-5s %6.1f %6s %8s %8s %8s  %s\n' "$name" "$(echo "$end - $start" | bc)" "$cpu" $peak "$rss" "$result"
    grep -m3 -E 'OutOfMemory|StackOverflow|failed unexpectedly' "$WORK/$name.err" | cut -c1-200 || true
    if [ "$JFR" = 1 ]; then
        echo "  hottest methods (top frame of jdk.ExecutionSample), $name:"
        jfr print --events jdk.ExecutionSample "$WORK/$name.jfr" | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' \
            | sort | uniq -c | sort -rn | head -15 | sed 's/^/    /' || true
    fi
done <"$WORK/urls.txt"
