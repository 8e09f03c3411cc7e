#!/usr/bin/env bash
# Writes the real-page corpus bytes into a folder, from local git mirrors of the public repositories named in
# src/test/resources/realpages/corpus.yml, and checks each page's sha256.
#
#   docs/bench/realpages-materialise.sh MIRRORS_DIR OUT_DIR
#
# MIRRORS_DIR holds one bare git directory per source repository, named owner+name (or owner+name/repo), as the
# workplace's repository fetcher lays them out. Pages whose repository is missing (or whose bytes were taken from a
# text index rather than a git blob) are listed and skipped; the test then counts them as absent. Nothing is
# downloaded here.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 MIRRORS_DIR OUT_DIR" >&2; exit 1; }
mirrors=$1; out=$2
cd "$(dirname "$0")/../.."
mkdir -p "$out"
python3 - "$mirrors" "$out" <<'PY'
import hashlib, os, subprocess, sys, yaml
mirrors, out = sys.argv[1], sys.argv[2]
pages = yaml.safe_load(open('src/test/resources/realpages/corpus.yml'))['pages']
ok = missing = bad = 0
for p in pages:
    s = p['source']
    base = os.path.join(mirrors, s['repo'].replace('/', '+'))
    gitdir = next((d for d in (os.path.join(base, 'repo'), base) if os.path.isdir(d)), None)
    if gitdir is None:
        print('no mirror of', s['repo'], 'for', p['id'], file=sys.stderr); missing += 1; continue
    r = subprocess.run(['git', '--git-dir', gitdir, 'show', s['commit'] + ':' + s['path']], capture_output=True)
    if r.returncode != 0 or hashlib.sha256(r.stdout).hexdigest() != s['sha256']:
        print('not as labelled (index text, or another version):', p['id'], file=sys.stderr); bad += 1; continue
    open(os.path.join(out, p['id'] + '.html'), 'wb').write(r.stdout); ok += 1
print(f'{ok} pages written, {missing} without a mirror, {bad} not reproducible from git', file=sys.stderr)
PY
