#!/usr/bin/env bash
# The demo's score snapshot as stable JSON, to check that a change keeps behaviour: run it on the jar built before
# and the jar built after, then diff the two files (they must be identical).
#
# Usage: docs/bench/demo-scores.sh JAR OUT-FILE        e.g. docs/bench/demo-scores.sh target/egov-monitor.jar after.json
#        docs/bench/demo-scores.sh --from-raw DIR OUT-FILE   normalise API answers kept earlier, without a demo
#        DEMO_SCORES_TIMEOUT=900   seconds to wait for the first snapshot (default 600)
#        DEMO_SCORES_RAW=DIR       also keep the API answers as they came, in DIR (to look into a difference)
#
# Starts `java -jar JAR demo` in an empty temporary folder (so the jar's bundled config.yml and crawlers/ are used,
# never the caller's), on a fresh embedded database there and ports chosen by the system (PORT=0, ADMIN_PORT=0; the
# demo prints the application port), waits until the first crawl round's score snapshot has succeeded, then reads
# through the API, as demo-office: the indicator rules in force, the whole ranking, every unit's scorecard (indicator
# points, findings with evidence), the bottlenecks, the bottleneck matrix of each peer group and the warnings. Stops
# the server and deletes the folder on exit.
#
# Normalised: object keys sorted; ranking rows, matrix rows, warnings and each scorecard's findings sorted on their
# content (the API's order within equal keys is not part of the scores); the application's and the farm's port
# (new at every start) become PORT should they appear in a text (they do not today: the loopback links in the
# demo's pages use fixed ports 1-19). Nothing else is removed: the snapshot holds no timestamps or ids.
#
# One crawl-order race is normalised, and listed in the output under "normalised": a homepage link to a host that
# is itself crawled and answers robots.txt with a server error (the demo's down site 石台旅游信息网, linked from
# www.stly.gov.cn) is judged "HTTP 503, broken" when the check runs before anything cached that host's robots.txt,
# and "robots.txt disallowed, not broken" when it runs within a minute after (the crawl fetcher caches the 503 as
# "everything disallowed"). Which one happens depends on the crawl workers' timing. For each site with a link check
# of such a URL (DEMO_SCORES_VOLATILE_LINKS, space separated; default the down site's homepage), its link_health
# findings leave the volatile link out and lose the numbers that count it (per-finding points, "capped" remark,
# "N 个错误链接"); the indicator's points and shortfall are kept, so a race that moved a score would still show.
#
# The demo's sites are generated relative to "today" in Asia/Shanghai, and the snapshot's day and the evidence dates
# are written as they are: compare two files taken on the same Shanghai day (the "day" field says which).
set -euo pipefail
VOLATILE_LINKS=${DEMO_SCORES_VOLATILE_LINKS:-http://www.shitaitour.com.cn/}

# Writes OUT from the API answers in RAW (one file per part, and ports.txt).
normalise() {
    local RAW=$1 OUT=$2
    local args=()
    for part in round indicators rankings scorecards bottlenecks matrix warnings touched; do
        args+=(--slurpfile "$part" "$RAW/$part.json")
    done
    jq -n -S "${args[@]}" --arg ports "$(cat "$RAW/ports.txt")" '
  def findingkey: [.indicator, .kind, .siteUrl // "", (.evidence // {} | .url // ""), .message // "",
                   .observed // "", .points];
  def ports: ($ports | split(" ") | map(select(. != "")));
  def portsreplaced: walk(if type == "string"
      then reduce ports[] as $p (.; gsub("(?<h>localhost|127\\.[0-9]+\\.[0-9]+\\.[0-9]+):" + $p + "(?![0-9])";
                                          "\(.h):PORT"))
      else . end);
  def uncounted: gsub("（本项扣分已达上限[^）]*）"; "") | gsub("错误链接 [0-9]+ 个"; "错误链接 ? 个")
      | gsub("有 [0-9]+ 个错误链接"; "有 ? 个错误链接");
  # the link_health findings of a touched site lose the volatile links and the numbers that count them
  def touching($sites): .indicator == "link_health" and ((.siteUrl // "") as $s | $sites | index($s)) != null;
  def volatile($sites): touching($sites) and (((.evidence // {}).url // "") as $u | $ARGS.positional | index($u)) != null;
  def uncount($sites): if touching($sites)
      then del(.points) | .observed |= (if . == null then . else uncounted end)
           | .message |= (if . == null then . else uncounted end)
      else . end;
  def racefree($sites): map(select(volatile($sites) | not) | uncount($sites));
  $round[0] as $round | $indicators[0] as $indicators | $rankings[0] as $rankings | $scorecards[0] as $scorecards
  | $bottlenecks[0] as $bottlenecks | $matrix[0] as $matrix | $warnings[0] as $warnings | $touched[0] as $touched
  | ($touched | map(.url)) as $touchedSites | ($touched | map(.unitCode)) as $touchedUnits
  | {
    day: $rankings.day,
    catalogueVersion: $rankings.catalogueVersion,
    crawlRound: $round,
    indicators: $indicators,
    rankings: ($rankings | del(.offset, .limit)
               | .rows |= sort_by([.peerGroup, (.rank // 1000000), .unitCode])
               | .groups |= sort_by(.peerGroup)),
    normalised: {volatileLinks: $ARGS.positional, sitesCheckingThem: $touched},
    scorecards: ($scorecards | with_entries(
        .key as $unit | .value.score.findings |= (racefree($touchedSites) | sort_by(findingkey))
        | if $touchedUnits | index($unit)
          then .value.score.indicators |= map(if .id == "link_health" then .observed |= uncounted else . end)
          else . end)),
    bottlenecks: ($bottlenecks | sort_by([.peerGroup, .indicator])),
    matrix: ($matrix | map_values(del(.offset, .limit) | .rows |= sort_by(.unitCode))),
    warnings: ($warnings | map(select(.finding | volatile($touchedSites) | not) | .finding |= uncount($touchedSites))
               | sort_by([.peerGroup, .unitCode, (.finding | findingkey)]))
  } | portsreplaced' --args $VOLATILE_LINKS >"$OUT.tmp"
    mv "$OUT.tmp" "$OUT"
}

if [ "${1:-}" = --from-raw ]; then
    [ $# -eq 3 ] || { echo "usage: $0 --from-raw DIR OUT-FILE" >&2; exit 2; }
    normalise "$2" "$3"
    exit 0
fi
[ $# -eq 2 ] || { echo "usage: $0 JAR OUT-FILE" >&2; exit 2; }
JAR=$(realpath "$1")
OUT=$2
[ -f "$JAR" ] || { echo "no such jar: $JAR" >&2; exit 2; }
TIMEOUT=${DEMO_SCORES_TIMEOUT:-600}
VOLATILE_JSON=$(jq -nc '$ARGS.positional' --args $VOLATILE_LINKS)
for tool in java curl jq; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

WORK=$(mktemp -d)
LOG="$WORK/demo.log"
APP=""
stop() {
    if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
        kill "$APP" 2>/dev/null || true
        # the shutdown stops the scheduler, the pool and the embedded PostgreSQL; give it time before the folder goes
        for _ in $(seq 1 60); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP" 2>/dev/null || true
        wait "$APP" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop EXIT
fail() {
    echo "demo-scores: $1; the demo's last log lines:" >&2
    tail -n 40 "$LOG" >&2 || true
    exit 1
}

START=$(date +%s)
# Anything in the caller's environment that config.yml reads is dropped: the run uses the bundled defaults only.
(cd "$WORK" && exec env -u DATABASE_URL -u DATABASE_USER -u DATABASE_PASSWORD -u EGOV_CRAWLERS_DIR -u CRAWL_SETTINGS \
    -u CRAWL_WORKERS -u SCHEDULER_ENABLED -u CONTRIBUTIONS_MAX_ARTICLES -u RETENTION_RAW_DAYS -u EGOV_ADMIN_USER \
    -u EGOV_ADMIN_PASSWORD -u BIND_HOST -u ADMIN_BIND_HOST \
    EGOV_DATA_DIR="$WORK/data" PORT=0 ADMIN_PORT=0 java -jar "$JAR" demo >"$LOG" 2>&1) &
APP=$!
echo "demo-scores: demo started (pid $APP, folder $WORK), waiting for its first score snapshot (≤ ${TIMEOUT}s)" >&2

elapsed() { echo $(( $(date +%s) - START )); }
PORT=""; FARM_PORT=""; PASSWORD=""; BASE=""
api() { curl -sSf --max-time 60 -u "demo-office:$PASSWORD" -H 'Accept: application/json' "$BASE$1"; }

last=""
while :; do
    kill -0 "$APP" 2>/dev/null || fail "the demo exited"
    [ "$(elapsed)" -lt "$TIMEOUT" ] || fail "no score snapshot after ${TIMEOUT}s"
    [ -n "$PORT" ] || PORT=$(sed -n 's|.*打开 http://localhost:\([0-9][0-9]*\)/.*|\1|p' "$LOG" | head -1)
    [ -n "$FARM_PORT" ] || FARM_PORT=$(sed -n 's|.*网站由本机生成（端口 \([0-9][0-9]*\)）.*|\1|p' "$LOG" | head -1)
    [ -n "$PASSWORD" ] || PASSWORD=$(sed -n 's/.*用户名 demo-office *密码 \([^ ]*\).*/\1/p' "$LOG" | head -1)
    if [ -n "$PORT" ] && [ -n "$PASSWORD" ]; then
        BASE="http://127.0.0.1:$PORT"
        runs=$(api '/api/jobs/runs?limit=50' 2>/dev/null || echo '[]')
        snapshot=$(jq -r '[.[] | select(.job == "score-snapshot")] | sort_by(.id) | last | .status // ""' <<<"$runs")
        round=$(jq -r '[.[] | select(.job == "crawl-round")] | sort_by(.id) | last
                       | if . == null then "waiting" else "\(.status) \(.done)/\(.total // "?") failed \(.failed)" end' \
                <<<"$runs")
        status="crawl round: $round; snapshot: ${snapshot:-none}"
        [ "$snapshot" != FAILED ] || fail "the score snapshot failed: $(jq -c '[.[] | select(.job == "score-snapshot")]' <<<"$runs")"
        [ "$snapshot" != SUCCEEDED ] || { echo "demo-scores: [$(elapsed)s] $status" >&2; break; }
    else
        status="server starting"
    fi
    if [ "$status" != "$last" ]; then
        echo "demo-scores: [$(elapsed)s] $status" >&2
        last=$status
    fi
    sleep 2
done

# The crawl round whose end triggered the snapshot: its counts say whether every site was measured. Each part goes to
# a file: the scorecards are too large for a command line.
RAW=${DEMO_SCORES_RAW:-$WORK/raw}
mkdir -p "$RAW"
echo "$PORT $FARM_PORT" >"$RAW/ports.txt"
jq '[.[] | select(.job == "crawl-round")] | sort_by(.id) | last | {status, done, total, failed}' <<<"$runs" >"$RAW/round.json"
api /api/indicators >"$RAW/indicators.json"
api '/api/rankings?limit=1000' >"$RAW/rankings.json"
[ "$(jq '.units == (.rows | length)' "$RAW/rankings.json")" = true ] || fail "the ranking has more than 1,000 rows"
for code in $(jq -r '.rows[].unitCode' "$RAW/rankings.json"); do
    api "/api/units/$code/scorecard" | jq -c --arg code "$code" '{($code): .}'
done | jq -s 'add // {}' >"$RAW/scorecards.json"
api /api/bottlenecks >"$RAW/bottlenecks.json"
for group in $(jq -r '.groups[].peerGroup' "$RAW/rankings.json"); do
    api "/api/bottlenecks/matrix?group=$group&limit=200" | jq -c --arg g "$group" '{($g): .}'
done | jq -s 'add // {}' >"$RAW/matrix.json"
api '/api/warnings?includeVetoes=true' >"$RAW/warnings.json"
# Sites whose latest measurement checked a volatile link (see above), with their units.
api /api/sites >"$RAW/sites.json"
for id in $(jq -r '.[] | select(.monitored) | .id' "$RAW/sites.json"); do
    api "/api/sites/$id/measurements/latest" | jq -c --argjson volatile "$VOLATILE_JSON" \
        'select([.measurement.linkChecks[]?.url] - ($volatile) != [.measurement.linkChecks[]?.url]) | .siteId'
done | jq -s --slurpfile sites "$RAW/sites.json" \
    '. as $ids | [$sites[0][] | select(.id as $i | $ids | index($i)) | {url, unitCode}] | sort_by(.url)' \
    >"$RAW/touched.json"

# Which way the race went this time (stderr only: the file is the same either way).
RACED=$(jq --argjson volatile "$VOLATILE_JSON" \
    '[.[].score.findings[] | select(.indicator == "link_health" and ((.evidence // {}).url as $u | $volatile | index($u)))]
     | length' "$RAW/scorecards.json")
echo "demo-scores: $RACED link_health finding(s) of a volatile link this run (0 when robots.txt was cached first)," \
    "left out of the file; sites that checked one: $(jq -c 'map(.url)' "$RAW/touched.json")" >&2

normalise "$RAW" "$OUT"
echo "demo-scores: wrote $OUT ($(jq '.rankings.rows | length' "$OUT") units, day $(jq -r .day "$OUT"), crawl round" \
    "$(jq -c .crawlRound "$OUT")) in $(elapsed)s" >&2
