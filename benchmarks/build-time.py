#!/usr/bin/env python3
"""Build times of a project whose 300-operation spec is generated, against the same models written as plain files.

Usage: build-time.py BENCHMARKS_DLL OUTPUT_JSON [REPEATS]

The spec is the suite's synthetic one (300 operations, 600 schemas). The "hand-written" project gets exactly the
C# the generator makes of it, written to files by the suite (`write-models`), so the two builds compile the same
code and differ only in where it comes from. Each build is `dotnet build --no-incremental -p:ReportAnalyzer=true
-v:d` with the compiler server warm; the generator's time is the compiler's own report of it, and the compile is
the Csc task's time. Medians of REPEATS builds (default 5), the two projects built in turn.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
RUNTIME = os.path.join(ROOT, "src", "EvsContracts", "bin", "Release", "net8.0", "EvsContracts.dll")
GENERATOR = os.path.join(ROOT, "src", "EvsContracts.Generator", "bin", "Release", "netstandard2.0", "EvsContracts.Generator.dll")
BUILD_TRANSITIVE = os.path.join(ROOT, "src", "EvsContracts", "buildTransitive")

GENERATED_PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="{props}" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="{runtime}" />
    <Analyzer Include="{generator}" />
    <EvsContract Include="../spec/synthetic.openapi.json" />
  </ItemGroup>
  <Import Project="{targets}" />
</Project>
"""

HANDWRITTEN_PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="{runtime}" />
  </ItemGroup>
</Project>
"""


def run(args, cwd=None):
    result = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:])
        raise SystemExit(f"failed: {' '.join(args)}")
    return result.stdout


def seconds(pattern, log, what):
    match = re.search(pattern, log)
    if not match:
        raise SystemExit(f"no {what} in the build log")
    return float(match.group(1))


def build(project_dir):
    started = time.perf_counter()
    log = run(["dotnet", "build", "--no-restore", "--no-incremental", "-nologo", "-p:ReportAnalyzer=true", "-v:d",
               "-clp:PerformanceSummary"], cwd=project_dir)
    wall = time.perf_counter() - started
    # Task Performance Summary: "     1234 ms  Csc                                        1 calls"
    csc = seconds(r"(?m)^\s*(\d+) ms\s+Csc\s+\d+ calls", log, "Csc task time") / 1000.0
    generator = 0.0
    match = re.search(r"Total generator execution time:\s*([\d.,]+)\s*seconds", log)
    if match:
        generator = float(match.group(1).replace(",", ""))
    ours = re.search(r"(?m)^\s*<?([\d.,]+)\s+\S+\s+EvsContracts\.Generator\.EvsContractGenerator\s*$", log)
    if ours:
        generator = float(ours.group(1).replace(",", ""))
    # EVS001-EVS004 only: the SDK's own analyzers run in both builds.
    analyzers = sum(float(m.group(1).replace(",", "")) for m in re.finditer(
        r"(?m)^\s*<?([\d.,]+)\s+\S+\s+EvsContracts\.Generator\.Analyzers\.\w+ \(EVS\d+\)\s*$", log))
    return {"wall": wall, "csc": csc, "generator": generator, "analyzers": analyzers, "log": log}


def main():
    dll, output = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    for path in (RUNTIME, GENERATOR):
        if not os.path.exists(path):
            raise SystemExit(f"missing {path}: build src/EvsContracts -c Release first")

    with tempfile.TemporaryDirectory(prefix="evs-build-time.") as work:
        spec_dir = os.path.join(work, "spec")
        generated = os.path.join(work, "generated")
        handwritten = os.path.join(work, "handwritten")
        for d in (spec_dir, generated, handwritten):
            os.makedirs(d)
        spec = os.path.join(spec_dir, "synthetic.openapi.json")
        run(["dotnet", dll, "write-spec", spec])
        run(["dotnet", dll, "write-models", spec, os.path.join(handwritten, "Models")])
        files = len(os.listdir(os.path.join(handwritten, "Models")))
        with open(os.path.join(generated, "Generated.csproj"), "w", encoding="utf-8") as f:
            f.write(GENERATED_PROJECT.format(props=os.path.join(BUILD_TRANSITIVE, "EvsContracts.props"),
                                             targets=os.path.join(BUILD_TRANSITIVE, "EvsContracts.targets"),
                                             runtime=RUNTIME, generator=GENERATOR))
        with open(os.path.join(handwritten, "Handwritten.csproj"), "w", encoding="utf-8") as f:
            f.write(HANDWRITTEN_PROJECT.format(runtime=RUNTIME))

        for d in (generated, handwritten):
            run(["dotnet", "restore", "-nologo"], cwd=d)
            build(d)  # warms the compiler server and the file cache; not counted

        samples = {"generated": [], "handwritten": []}
        for _ in range(repeats):
            samples["generated"].append(build(generated))
            samples["handwritten"].append(build(handwritten))

    def median(kind, key):
        return statistics.median(s[key] for s in samples[kind])

    result = {
        "spec": {"operations": 300, "schemas": 600, "files": files},
        "repeats": repeats,
        "generated": {k: median("generated", k) for k in ("wall", "csc", "generator", "analyzers")},
        "handwritten": {k: median("handwritten", k) for k in ("wall", "csc", "analyzers")},
        "generated_samples": [{k: s[k] for k in ("wall", "csc", "generator", "analyzers")} for s in samples["generated"]],
        "handwritten_samples": [{k: s[k] for k in ("wall", "csc")} for s in samples["handwritten"]],
        "load": os.getloadavg(),
    }
    result["generator_share_of_compile"] = result["generated"]["generator"] / result["generated"]["csc"]
    result["build_ratio"] = result["generated"]["wall"] / result["handwritten"]["wall"]
    with open(output, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(json.dumps({k: result[k] for k in ("generated", "handwritten", "generator_share_of_compile", "build_ratio")}, indent=2))


if __name__ == "__main__":
    main()
