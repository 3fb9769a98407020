#!/usr/bin/env bash
# Runs every benchmark and writes the figures into docs/benchmarks.md and docs/benchmarks.svg:
#   bash benchmarks/run.sh
# BenchmarkDotNet's short job (3 warm-up and 3 measured iterations, many operations each; 15 iterations for the
# (de)serialization, 40 for the client calls, 15 for the analyzer cases, 200 for the pair behind the analyzers' bar
# and 60 or 30 for the other pairs, whose times swing with the machine). BENCH_JOB=default (or medium, long) picks
# another job: more precise, and longer. BENCH_FILTER narrows the run (the report needs every benchmark, so only for
# trying things out). BUILD_REPEATS sets how many builds of each project build-time.py times (9).
# About an hour on a 2-core machine. Run it when nothing else runs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
OUT="$ROOT/artifacts/benchmarks"
DLL="$ROOT/benchmarks/EvsContracts.Benchmarks/bin/Release/net10.0/EvsContracts.Benchmarks.dll"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(load)
echo "load average: $load_before"
if awk -v l="${load_before%% *}" 'BEGIN { exit !(l >= 0.5) }'; then
  echo "warning: the machine is busy (load >= 0.5); the figures will be noisy and docs/benchmarks.md says so" >&2
fi

rm -rf "$OUT"
mkdir -p "$OUT"
dotnet build "$ROOT/benchmarks/EvsContracts.Benchmarks/EvsContracts.Benchmarks.csproj" -c Release -nologo -v:q

# In process: BenchmarkDotNet's default toolchain rebuilds the whole suite (peers' generation included) in a
# project of its own for every run, which takes minutes and times out on a busy 2-core machine.
job=${BENCH_JOB:-short}
job_args=()
if [ "$job" != default ]; then job_args=(--job "$job"); fi
if [ -n "${BENCH_FILTER:-}" ]; then
  dotnet "$DLL" --filter "$BENCH_FILTER" --inProcess "${job_args[@]}" --artifacts "$OUT/bdn"
else
  # The (de)serialization bars are within a tenth of the hand-written code, about the spread of three iterations
  # here: fifteen give a median that moves less than the margin.
  json_args=("${job_args[@]}")
  if [ "$job" = short ]; then json_args+=(--iterationCount 15); fi
  dotnet "$DLL" --filter '*.Json.*' --inProcess "${json_args[@]}" --artifacts "$OUT/bdn"
  dotnet "$DLL" --filter '*.GeneratorBenchmarks.*' --inProcess "${job_args[@]}" --artifacts "$OUT/bdn-generator"
  # A loopback call's time swings by half between iterations on a shared machine, and so does a compilation's by a
  # tenth, more than the differences measured: a short job's three iterations would be three samples, and the
  # median of many moves far less than one iteration does.
  client_args=("${job_args[@]}")
  analyzer_args=("${job_args[@]}")
  if [ "$job" = short ]; then client_args+=(--iterationCount 40); fi
  dotnet "$DLL" --filter '*.Client.*' --inProcess "${client_args[@]}" --artifacts "$OUT/bdn-client"
  # One analyzer operation allocates 180 MB (470 MB with the SDK's analyzers); with the default gen0 budget a gen2 collection lands in some
  # iterations and not in others, and their times split 200 ms apart. A gen0 budget above that keeps collections
  # between iterations, where BenchmarkDotNet forces them anyway. Ten warm-up iterations: the SDK's analyzers are
  # still being tiered up by the JIT after three. The cases on their own give times and allocations; the bar rests
  # on the paired benchmarks, whose ratios need many blocks: a block's ratio spreads by a few percent here.
  if [ "$job" = short ]; then
    analyzer_args+=(--iterationCount 15 --warmupCount 10)
    # The bar's pair: its 95 % interval narrows with the square root of the blocks, and a block's ratio spreads by
    # a few percent here; 200 operations (100 blocks, about ten minutes) bring it within about half a percent on a
    # quiet machine. report.py reads it at each half's fastest tenth (docs/benchmarks.md says why). AnalyzerBenchmarks
    # lifts the in-process time limit to 30 minutes.
    bar_pair_args=("${job_args[@]}" --iterationCount 200 --warmupCount 6)
    pair_args=("${job_args[@]}" --iterationCount 60 --warmupCount 6)
    # An SDK pair takes about 10 s here. Both halves run the SDK's analyzers, so the JIT's tiering up, still going
    # on, slows them alike.
    sdk_pair_args=("${job_args[@]}" --iterationCount 30 --warmupCount 4)
  else
    bar_pair_args=("${job_args[@]}")
    pair_args=("${job_args[@]}")
    sdk_pair_args=("${job_args[@]}")
  fi
  export DOTNET_GCgen0size=0x30000000
  dotnet "$DLL" --filter '*.AnalyzerBenchmarks.Compile*' --inProcess "${analyzer_args[@]}" --artifacts "$OUT/bdn-analyzers"
  dotnet "$DLL" --filter '*.AnalyzerBenchmarks.PairedEvsAnalyzers' --inProcess "${bar_pair_args[@]}" --artifacts "$OUT/bdn-analyzer-bar-pair"
  dotnet "$DLL" --filter '*.AnalyzerBenchmarks.PairedEvsOwnTime' '*.AnalyzerBenchmarks.PairedEmptySemanticModelAnalyzer' --inProcess "${pair_args[@]}" --artifacts "$OUT/bdn-analyzer-pairs"
  dotnet "$DLL" --filter '*.AnalyzerBenchmarks.PairedSdkAndEvsAnalyzers' --inProcess "${sdk_pair_args[@]}" --artifacts "$OUT/bdn-analyzer-sdk-pair"
  unset DOTNET_GCgen0size
  cp "$OUT"/bdn-generator/results/*-report-full.json "$OUT"/bdn-client/results/*-report-full.json "$OUT"/bdn-analyzers/results/*-report-full.json "$OUT/bdn/results/"
  # The same class in four runs: report.py merges the rows of every file.
  for run in analyzer-bar-pair analyzer-pairs analyzer-sdk-pair; do
    for f in "$OUT/bdn-$run"/results/*-report-full.json; do cp "$f" "$OUT/bdn/results/$(basename "$f" -report-full.json)-$run-report-full.json"; done
  done
fi

dotnet "$DLL" body-sizes > "$OUT/sizes.json"
/usr/bin/python3 "$ROOT/benchmarks/build-time.py" "$DLL" "$OUT/build-time.json" "${BUILD_REPEATS:-9}"

load_after=$(load)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
memory=$(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1024 / 1024 }' /proc/meminfo)
runtime=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print ".NET " v }')
note=""
if awk -v a="${load_before%% *}" -v b="${load_after%% *}" 'BEGIN { exit !(a >= 0.5 || b >= 0.5) }'; then
  note="**The machine was not quiet** (load average at or above 0.5 before or after the run): other work shared its two cores, so every figure is noisier than a quiet run's. Ratios are still taken within this one run."
fi
/usr/bin/python3 - "$OUT/machine.json" <<PY
import json, sys
json.dump({"date": "$(date -u +%Y-%m-%d)", "cpu": """$cpu""", "memory": "$memory", "runtime": "$runtime",
           "job": "$job", "load_before": "$load_before", "load_after": "$load_after",
           "note": """$note"""}, open(sys.argv[1], "w"), indent=2)
PY
/usr/bin/python3 "$ROOT/benchmarks/report.py" "$OUT/bdn/results" "$OUT/build-time.json" "$OUT/sizes.json" "$OUT/machine.json"
echo "wrote docs/benchmarks.md and docs/benchmarks.svg"
