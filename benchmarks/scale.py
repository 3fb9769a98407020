#!/usr/bin/env python3
"""The largest real specs, from spec to compiled types: EvsContracts against NSwag's and Kiota's CLIs.

Usage: scale.py BENCHMARKS_DLL OUTPUT_JSON

For each spec of EVS_SCALE_SPECS (comma-separated paths inside the corpus's api folder; default: the five of
ScaleSpecs.Default), with the corpus that eng/openapi-corpus.sh fetches:
- EvsContracts in process: one cold generator run and the compile of its output in one process (`scale-once`),
  with that process's peak memory (/usr/bin/time's maximum resident set size);
- EvsContracts as a user builds it: a net8.0 project that takes the package from source and declares the spec as its
  EvsContract; once built, the spec is touched and `dotnet build` timed, the generator running inside the build;
- NSwag (openapi2csclient) and Kiota (generate): the CLI's wall time and peak memory, then `dotnet build` of a net8.0
  project holding what it wrote (restored and built once beforehand, not counted; then one of its files touched).
Every project is built twice over: with a compiler process per build (UseSharedCompilation=false, as on this machine
and in CI), and with the compiler server warm (the SDK's default on a developer's machine: one build to start it,
then the timed one). The warm run after an unrelated edit is BenchmarkDotNet's (ScaleBenchmarks). Peers are the
local tools of benchmarks/dotnet-tools.json.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
MANIFEST = os.path.join(ROOT, "benchmarks", "dotnet-tools.json")
DEFAULT = ["loket.nl.json", "github.com/api.github.com.json", "github.com/ghes-3.8.json", "github.com/ghes-3.7.json",
           "zuora.com.json"]
KIOTA_ENV = {"KIOTA_UPDATE_DISABLED": "true", "KIOTA_TUTORIAL_ENABLED": "false", "KIOTA_OFFLINE_ENABLED": "true"}
KIOTA_PACKAGES = ["Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary",
                  "Microsoft.Kiota.Serialization.Json", "Microsoft.Kiota.Serialization.Text",
                  "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Multipart"]
PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>$(NoWarn);CS1591;CS8618;CS8600;CS8601;CS8602;CS8603;CS8604;CS8625;CS0108;CS0114</NoWarn>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>{items}</ItemGroup>
</Project>
"""


def corpus_api():
    folder = os.environ.get("EVS_OPENAPI_CORPUS") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "evs-openapi-corpus")
    return os.path.join(folder, "package", "api")


def timed(args, cwd=None, env=None):
    """Runs args under /usr/bin/time -v: (wall seconds, peak RSS in MB, output)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + args, cwd=cwd, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
    return wall, (int(rss.group(1)) / 1024 if rss else float("nan")), result.stdout, result.returncode


def package_version(name):
    props = open(os.path.join(ROOT, "Directory.Packages.props"), encoding="utf-8").read()
    return re.search(r'Include="%s" Version="([^"]+)"' % re.escape(name), props).group(1)


BUILD = ["dotnet", "build", "--no-restore", "-nologo", "-v:q", "-c", "Release"]


def prepare(project):
    """Restores and builds once, not counted: what is timed is a build after an edit, with the last build's state."""
    subprocess.run(["dotnet", "restore", "-nologo", "-v:q"], cwd=project, check=True, stdout=subprocess.DEVNULL)
    timed(BUILD, cwd=project)


def build(project, touch):
    """The wall time of `dotnet build` after touching `touch`: with a compiler process, then with a warm server."""
    def once(shared):
        os.utime(touch)
        wall, _, _, rc = timed(BUILD, cwd=project, env={"UseSharedCompilation": shared})
        return wall, rc == 0

    cold, compiled = once("false")
    once("true")
    warm, _ = once("true")
    subprocess.run(["dotnet", "build-server", "shutdown"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"compileSeconds": cold, "compileSecondsWarm": warm, "compiled": compiled}


def build_peer(work, name, items):
    """Builds what a peer wrote: restore and a first build (not counted), then the timed builds, a file touched."""
    project = os.path.join(work, name)
    with open(os.path.join(project, name + ".csproj"), "w", encoding="utf-8") as f:
        f.write(PROJECT.format(items=items))
    prepare(project)
    sources = sorted(os.path.join(d, f) for d, _, fs in os.walk(project) if "obj" not in os.path.relpath(d, project).split(os.sep)
                     for f in fs if f.endswith(".cs"))
    result = build(project, sources[0])
    result["files"] = len(sources)
    return result


def evs_build(spec, work):
    """Builds a project that takes the package from source with the spec as its EvsContract, as a user edits it."""
    project = os.path.join(work, "evs")
    os.makedirs(project)
    target = os.path.join(project, "spec" + os.path.splitext(spec)[1])
    shutil.copyfile(spec, target)
    items = '<EvsContract Include="%s" Namespace="Scale" ClientName="ScaleClient" />' % os.path.basename(target)
    text = PROJECT.format(items=items).replace(
        "</PropertyGroup>", "  <EvsContractsBuiltInSpec>false</EvsContractsBuiltInSpec>\n  </PropertyGroup>").replace(
        "</Project>", '  <Import Project="%s" />\n</Project>' % os.path.join(ROOT, "eng", "ReferenceEvsContractsFromSource.targets"))
    with open(os.path.join(project, "evs.csproj"), "w", encoding="utf-8") as f:
        f.write(text)
    # The first build also builds the runtime and the generator, which a user gets from the package.
    prepare(project)
    return build(project, target)


def nswag(spec, work):
    out = os.path.join(work, "nswag")
    os.makedirs(out)
    wall, rss, _, rc = timed(["dotnet", "tool", "run", "--allow-roll-forward", "nswag", "openapi2csclient", f"/input:{spec}",
                              f"/output:{os.path.join(out, 'Client.cs')}", "/namespace:Peers.NSwag", "/className:Client",
                              "/JsonLibrary:SystemTextJson", "/GenerateClientInterfaces:true"], cwd=os.path.dirname(MANIFEST))
    result = {"generateSeconds": wall, "peakMB": rss, "generated": rc == 0}
    if rc == 0:
        result.update(build_peer(work, "nswag", ""))
    return result


def kiota(spec, work):
    out = os.path.join(work, "kiota")
    wall, rss, _, rc = timed(["dotnet", "tool", "run", "--allow-roll-forward", "kiota", "generate", "--language", "CSharp",
                              "--openapi", spec, "--output", out, "--namespace-name", "Peers.Kiota", "--class-name", "Client",
                              "--exclude-backward-compatible", "--log-level", "Error"], cwd=os.path.dirname(MANIFEST), env=KIOTA_ENV)
    result = {"generateSeconds": wall, "peakMB": rss, "generated": rc == 0}
    if rc == 0:
        items = "".join(f'<PackageReference Include="{p}" Version="{package_version(p)}" />' for p in KIOTA_PACKAGES)
        result.update(build_peer(work, "kiota", items))
    return result


def evs(dll, name):
    wall, rss, out, rc = timed(["dotnet", dll, "scale-once", name])
    result = json.loads(out.strip().splitlines()[-1]) if rc == 0 else {}
    result.update({"processSeconds": wall, "peakMB": rss})
    return result


def main():
    dll, output = sys.argv[1], sys.argv[2]
    specs = [s for s in os.environ.get("EVS_SCALE_SPECS", ",".join(DEFAULT)).split(",") if s]
    subprocess.run(["dotnet", "tool", "restore", "--tool-manifest", MANIFEST], check=True, stdout=subprocess.DEVNULL)
    results = []
    for name in specs:
        spec = os.path.join(corpus_api(), name)
        with tempfile.TemporaryDirectory(prefix="evs-scale.") as work:
            row = {"spec": name, "bytes": os.path.getsize(spec), "load": open("/proc/loadavg").read().split()[0]}
            row["evs"] = evs(dll, name)
            row["evs"]["build"] = evs_build(spec, work)
            row["nswag"] = nswag(spec, work)
            row["kiota"] = kiota(spec, work)
        print(json.dumps(row), flush=True)
        results.append(row)
    with open(output, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
