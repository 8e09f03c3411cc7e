#!/usr/bin/env bash
# README screenshots from a fresh demo: starts `demo` on a throw-away data folder and port, waits for the first
# crawl round's score snapshot, then has headless Chromium log in as each demo account and save the pages to
# docs/screenshots/ (each page at 1440 px, the leader's and department's also at 390 px: *-phone.png). One command
# does it all (build included). Needs chromium + chromium-driver. Usage: docs/bench/screenshots.sh [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-18080}"
mvn -B -q -o -DskipTests package 2>/dev/null || mvn -B -q -DskipTests package
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null \
    2>&1 || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
DATA=$(mktemp -d); LOG=$(mktemp)
EGOV_DATA_DIR="$DATA" PORT="$PORT" ADMIN_PORT=0 java -jar target/egov-monitor.jar demo >"$LOG" 2>&1 &
APP=$!
# The demo ends by SIGTERM (status 143): under set -e that status must not end the trap before the clean-up.
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA" "$LOG"' EXIT
password() { sed -n "s/.*用户名 $1 *密码 \([^ ]*\).*/\1/p" "$LOG" | head -1; }
for _ in $(seq 1 120); do
    # the first score snapshot follows the first crawl round
    if grep -q "评分快照完成" "$LOG" && [ -n "$(password demo-office)" ]; then break; fi
    kill -0 $APP 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 1
done
sleep 5
java -cp "$CP" org.egovmonitor.bench.DemoScreenshots "$PORT" docs/screenshots "$(password demo-office)" \
    "$(password demo-leader)" "$(password demo-jw)"
