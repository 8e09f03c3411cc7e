#!/usr/bin/env bash
# Measures the real-page corpus through the engine and prints recall/precision per family, date and blank accuracy,
# for the tuning pages and the set-aside third (docs/realpages.md). Not a timed test: a figure for docs/benchmarks.md.
#
#   docs/bench/realpages.sh PAGES_DIR        (PAGES_DIR holds <id>.html; default ../shared/realpages)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-../shared/realpages}
[ -d "$dir" ] || { echo "no corpus pages in $dir (see docs/realpages.md)" >&2; exit 1; }
EGOV_REALPAGES_DIR=$(cd "$dir" && pwd) mvn -B -q test -Dtest=RealPageCorpusTest -Drealpages.required=true \
    -Drealpages.showSetAside=true -Dsurefire.failIfNoSpecifiedTests=false >/dev/null 2>&1 || true
cat target/realpages-report.txt
