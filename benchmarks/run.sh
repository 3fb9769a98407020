#!/usr/bin/env bash
# Runs every benchmark and writes the results part of docs/benchmarks.md and docs/benchmarks.svg:
#   bash benchmarks/run.sh
# About 20 minutes on a 2-core machine; run it when nothing else runs. BENCH_STEPS picks steps (default: all of
# "json client generator analyzers build"); the report marks what a step left out as not run. BENCH_STEPS=scale runs
# the scale step alone: the generator on the largest specs of the OpenAPI corpus (eng/openapi-corpus.sh fetch) under
# BenchmarkDotNet, and scale.py's spec-to-compiled-types times beside NSwag's and Kiota's CLIs, into
# $OUT/scale/ (figures go into docs/benchmarks.md's Scale section by hand, with the load seen). BUILD_REPEATS (5) sets
# how many builds of each project build-time.py times. BenchmarkDotNet's own reports (markdown, CSV, JSON, HTML) stay
# in artifacts/benchmarks/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
OUT="$ROOT/artifacts/benchmarks"
DLL="$ROOT/benchmarks/EvsContracts.Benchmarks/bin/Release/net10.0/EvsContracts.Benchmarks.dll"
STEPS=" ${BENCH_STEPS:-json client generator analyzers build} "
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average: $load_before"
rm -rf "$OUT"
mkdir -p "$OUT"
dotnet build "$ROOT/benchmarks/EvsContracts.Benchmarks/EvsContracts.Benchmarks.csproj" -c Release -nologo -v:q

# In process: BenchmarkDotNet's default toolchain rebuilds the suite (the peers' generation included) for every
# class, which takes minutes here. The short job's 3 iterations are too few for a bar within a tenth; 15 of a
# quarter second each keep a case under ten seconds.
bench() {
  local step=$1 filter=$2
  shift 2
  dotnet "$DLL" --filter "$filter" --inProcess --job short --iterationTime 250 --artifacts "$OUT/$step" "$@"
}
has() { [[ "$STEPS" == *" $1 "* ]]; }

if has json; then bench json '*.Json.*' --iterationCount 15; fi
if has client; then bench client '*.Client.*' --iterationCount 15; fi
if has generator; then bench generator '*.GeneratorBenchmarks.*' --iterationCount 15; fi
if has analyzers; then
  # A compilation takes seconds: one per iteration. A gen0 budget above what one allocates (470 MB) keeps garbage
  # collections between iterations, and ten warm-up iterations let the JIT finish with the SDK's analyzers.
  DOTNET_GCgen0size=0x30000000 bench analyzers '*.AnalyzerBenchmarks.*' --warmupCount 10 --iterationCount 40
fi
if has scale; then
  # A cold run of a 5 MB spec takes seconds: one per iteration, a few iterations.
  bench scale '*ScaleBenchmarks*' --warmupCount 1 --iterationCount 5 --invocationCount 1 --unrollFactor 1
  /usr/bin/python3 "$ROOT/benchmarks/scale.py" "$DLL" "$OUT/scale/scale.json"
fi
if has build; then /usr/bin/python3 "$ROOT/benchmarks/build-time.py" "$DLL" "$OUT/build-time.json" "${BUILD_REPEATS:-5}"; fi

if [ "${STEPS// /}" = scale ]; then
  echo "scale figures in $OUT/scale (docs/benchmarks.md left as it is)"
  exit 0
fi
runtime=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print ".NET " v }')
/usr/bin/python3 "$ROOT/benchmarks/report.py" "$OUT" "$(date -u +%Y-%m-%d), $runtime, load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "wrote docs/benchmarks.md and docs/benchmarks.svg"
