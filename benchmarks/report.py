#!/usr/bin/env python3
"""Turns one run's results into docs/benchmarks.md (the part between the results markers) and the SVG chart.

Usage: report.py RESULTS_DIR BUILD_TIME_JSON SIZES_JSON MACHINE_JSON

RESULTS_DIR holds BenchmarkDotNet's *-report-full.json files. Every ratio is computed here from figures of that one
run: a peer's median time over the baseline's median time in the same benchmark class and parameters, or, for the
client call's time and the analyzers' cost, the metrics of a paired benchmark (PairedRatioDiagnoser), whose two cases
ran alternately within the same seconds.
"""
import glob
import html
import json
import math
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DOC = os.path.join(ROOT, "docs", "benchmarks.md")
SVG = os.path.join(ROOT, "docs", "benchmarks.svg")
BEGIN = "<!-- results:begin (written by benchmarks/report.py; do not edit by hand) -->"
END = "<!-- results:end -->"


def load_results(directory):
    rows = {}
    host = None
    for path in sorted(glob.glob(os.path.join(directory, "*-report-full.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        host = host or data["HostEnvironmentInfo"]
        for b in data["Benchmarks"]:
            stats = b.get("Statistics")
            if not stats:
                continue
            key = (b["Type"], b["Parameters"], b["Method"])
            rows[key] = {
                "title": b["MethodTitle"],
                "median": stats["Median"],
                "mean": stats["Mean"],
                "error": (stats.get("ConfidenceInterval") or {}).get("Margin", 0.0),
                "q1": stats.get("Q1", stats["Median"]),
                "q3": stats.get("Q3", stats["Median"]),
                "allocated": (b.get("Memory") or {}).get("BytesAllocatedPerOperation", 0),
                "metrics": {m["Descriptor"]["Id"]: m["Value"] for m in b.get("Metrics") or []},
            }
    return rows, host


def fmt_time(ns):
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


def fmt_bytes(b):
    if b >= 1024 * 1024:
        return f"{b / 1024 / 1024:.1f} MB"
    if b >= 1024:
        return f"{b / 1024:.1f} KB"
    return f"{int(b)} B"


def table(rows, kind, params, methods, baseline):
    base = rows[(kind, params, baseline)]
    lines = ["| | time (median) | ratio | allocated |", "| --- | ---: | ---: | ---: |"]
    for m in methods:
        r = rows.get((kind, params, m))
        if r is None:
            lines.append(f"| {m} | n/a | | |")
            continue
        lines.append(f"| {r['title']} | {fmt_time(r['median'])} | {r['median'] / base['median']:.2f} | {fmt_bytes(r['allocated'])} |")
    return "\n".join(lines)


def pair_operations(results_dir, kind, params, method):
    """A paired benchmark's kept operations, (A, B) in nanoseconds, in the order they ran (PairedRatioDiagnoser writes
    them under pairs/ of the run's artifacts folder, as Type.Method-Name-Value.csv)."""
    name = f"{kind}.{method}" + (f"-{params.replace('=', '-')}" if params else "")
    out = os.path.dirname(os.path.dirname(os.path.abspath(results_dir)))
    paths = glob.glob(os.path.join(out, "bdn*", "pairs", name + ".csv"))
    if len(paths) != 1:
        raise SystemExit(f"expected one pairs file {name}.csv under {out}, found {len(paths)}")
    with open(paths[0], encoding="utf-8") as f:
        return [tuple(float(x) for x in line.split(",")[:2]) for line in f.read().splitlines()[1:]]


def summed_ratio(operations):
    """B's total time over A's."""
    return sum(b for _, b in operations) / sum(a for a, _ in operations)


def fastest_tenth(operations):
    """B's time over A's at each half's fastest tenth, the ceil(n / 10)-th fastest of n operations, as PairedRatio
    reads it."""
    k = -(-len(operations) // 10) - 1
    return sorted(b for _, b in operations)[k] / sorted(a for a, _ in operations)[k]


def slices(results_dir, kind, params, method, count=10, reading=summed_ratio):
    """The lowest and highest `reading` of B / A over `count` consecutive slices of a paired benchmark's kept
    operations. Blocks that ran within the same seconds share the machine's state, so the 95 % interval, which treats
    them as independent, can be narrower than the truth; a ratio that holds in every slice of the run does not rest on
    that assumption."""
    ops = pair_operations(results_dir, kind, params, method)
    size = len(ops) // count // 2 * 2
    if size == 0:
        raise SystemExit(f"{kind}.{method} {params}: too few operations for {count} slices")
    ratios = [reading(ops[i * size:(i + 1) * size]) for i in range(count)]
    return min(ratios), max(ratios)


def paired(rows, kind, params, method):
    """A paired benchmark's metrics (PairedRatioDiagnoser): B / A as the median over blocks, its 95 % interval, the
    fastest runs' ratio and each half's median time."""
    m = rows[(kind, params, method)]["metrics"]
    return {"median": m["PairedRatio"], "low": m["PairedRatioLow"], "high": m["PairedRatioHigh"],
            "minimum": m["PairedMinimumRatio"], "a": m["PairedMedianA"], "b": m["PairedMedianB"],
            "tenth": m["PairedFastTenthRatio"], "tenth_low": m.get("PairedFastTenthRatioLow"),
            "tenth_high": m.get("PairedFastTenthRatioHigh"), "blocks": int(m["PairedOperations"]) // 2}


def paired_percent(p):
    """What B adds to A, paired, as a percentage with its interval and the fastest runs' figure."""
    return (f"{(p['median'] - 1) * 100:+.2f} %, paired (95 % interval {(p['low'] - 1) * 100:+.2f} to "
            f"{(p['high'] - 1) * 100:+.2f} %; fastest runs {(p['minimum'] - 1) * 100:+.2f} %)")


def paired_table(rows, kind, params, methods):
    lines = ["| pair | A (median) | B (median) | B / A (median of blocks) | 95 % interval | B / A, fastest tenth | B / A, fastest runs | blocks |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for m in methods:
        x = paired(rows, kind, params, m)
        lines.append(f"| {rows[(kind, params, m)]['title'].removeprefix('Paired: ')} | {fmt_time(x['a'])} | {fmt_time(x['b'])} | "
                     f"{x['median']:.3f} | {x['low']:.3f}–{x['high']:.3f} | {x['tenth']:.3f} | {x['minimum']:.3f} | {x['blocks']} |")
    return "\n".join(lines)


def main():
    results_dir, build_json, sizes_json, machine_json = sys.argv[1:5]
    rows, host = load_results(results_dir)
    with open(build_json, encoding="utf-8") as f:
        build = json.load(f)
    with open(sizes_json, encoding="utf-8") as f:
        sizes = json.load(f)
    with open(machine_json, encoding="utf-8") as f:
        machine = json.load(f)

    def t(kind, params, method):
        return rows[(kind, params, method)]["median"]

    def a(kind, params, method):
        return rows[(kind, params, method)]["allocated"]

    ser, des = "SerializeBenchmarks", "DeserializeBenchmarks"
    peers_ser = ["HandWritten", "HandWrittenDefaultEscaper", "Generated", "StjContext", "StjReflection", "NSwag", "Newtonsoft", "Kiota"]
    peers_des = ["HandWritten", "Generated", "StjContext", "StjReflection", "NSwag", "Newtonsoft", "Kiota"]
    client = ["HandWrittenHttpClient", "EvsContracts", "NSwag", "Refit", "Kiota"]

    bars = []

    def verdict(low, high, within):
        """Met when the whole 95 % interval, and every slice of the run, is within the bar; missed when none is."""
        return True if within(high) else False if not within(low) else "**inconclusive** (the 95 % interval and the slices of the run span the bar)"

    def bar(name, target, measured, ok):
        bars.append((name, target, measured, ok if isinstance(ok, str) else "met" if ok else "**missed**"))

    def paired_bar(name, target, kind, params, method, within):
        """A bar decided by a paired benchmark (ours as B): its median, 95 % interval and ten slices of the run."""
        x = paired(rows, kind, params, method)
        lo, hi = slices(results_dir, kind, params, method)
        bar(name, target,
            f"{x['median']:.3f}, paired (95 % interval {x['low']:.3f}–{x['high']:.3f}; {lo:.3f}–{hi:.3f} over ten consecutive slices of the run)",
            verdict(min(x["low"], lo), max(x["high"], hi), within))

    for payload in ("Seed", "Cjk"):
        p = f"Payload={payload}"
        for kind, label in ((ser, "serialize"), (des, "deserialize")):
            # Within a tenth of the hand-written code, and against System.Text.Json with a context, case-by-case
            # medians are decided by the machine's slow spells: those two bars rest on paired benchmarks.
            paired_bar(f"{label}, {payload}: time vs hand-written", "≤ 1.10", kind, p, "PairedWithHandWritten", lambda r: r <= 1.10)
            extra = a(kind, p, "Generated") - a(kind, p, "HandWritten")
            bar(f"{label}, {payload}: bytes allocated beyond the hand-written code's", "0 B", f"{extra} B", extra <= 0)
            paired_bar(f"{label}, {payload}: time, ours / 'STJ context'", "< 1", kind, p, "PairedWithStjContext", lambda r: r < 1)
            for peer in ("NSwag", "Kiota"):
                r = t(kind, p, peer) / t(kind, p, "Generated")
                bar(f"{label}, {payload}: {rows[(kind, p, peer)]['title']} time / ours", "> 1", f"{r:.2f}", r > 1)
            r = t(kind, p, "Newtonsoft") / t(kind, p, "Generated")
            bar(f"{label}, {payload}: Newtonsoft.Json time / ours", "≥ 3", f"{r:.2f}", r >= 3)
    p = "Payload=Cjk"
    r = t(ser, p, "HandWrittenDefaultEscaper") / t(ser, p, "Generated")
    bar("serialize, CJK: hand-written with the default escaper / ours", "≥ 2", f"{r:.2f}", r >= 2)
    smaller = 1 - sizes["generated"] / sizes["defaultEscaper"]
    bar("serialize, CJK: body smaller than with the default escaper", "about 28 %", f"{smaller * 100:.1f} % ({sizes['generated']} vs {sizes['defaultEscaper']} bytes)", smaller >= 0.25)
    v = a("ValidateBenchmarks", "", "Valid")
    bar("Validate() on a valid request: bytes allocated", "0 B", f"{v} B", v == 0)
    kestrel, in_memory = "Transport=Kestrel", "Transport=InMemory"
    ours_alloc = a("ClientBenchmarks", kestrel, "EvsContracts")
    peer_allocs = {m: a("ClientBenchmarks", kestrel, m) for m in ("NSwag", "Refit", "Kiota")}
    bar("client call: bytes allocated, ours / the least of NSwag, Refit, Kiota", "< 1",
        f"{ours_alloc / min(peer_allocs.values()):.2f} ({fmt_bytes(ours_alloc)} vs {fmt_bytes(min(peer_allocs.values()))})",
        ours_alloc < min(peer_allocs.values()))
    # A loopback round trip drifts over a run's minutes by more than the clients differ: the time bar rests on the
    # paired benchmarks, each peer's call alternating with ours (the peer as A, ours as B).
    vs_peer = {m: paired(rows, "ClientBenchmarks", kestrel, f"PairedWith{m}") for m in ("NSwag", "Refit", "Kiota")}
    worst = max(vs_peer, key=lambda m: vs_peer[m]["median"])
    w = vs_peer[worst]
    lo, hi = slices(results_dir, "ClientBenchmarks", kestrel, f"PairedWith{worst}")
    bar(f"client call: time, ours / each peer's, paired (the closest: {worst})", "≤ 1",
        f"{w['median']:.3f} (95 % interval {w['low']:.3f}–{w['high']:.3f}; {lo:.3f}–{hi:.3f} over ten consecutive slices of the run; fastest runs {w['minimum']:.3f}; "
        + ", ".join(f"{m} {v['median']:.3f}" for m, v in vs_peer.items()) + ")",
        verdict(min(w["low"], lo), max(w["high"], hi), lambda r: r <= 1))
    for spec in ("Shipped", "Synthetic300"):
        p = f"Spec={spec}"
        r = t("GeneratorBenchmarks", p, "WarmAfterCodeEdit") / t("GeneratorBenchmarks", p, "Cold")
        bar(f"generator, {spec} spec: warm run after an unrelated edit / cold run", "< 1 %", f"{r * 100:.2f} %", r < 0.01)
    share = build["generator_share_of_compile"]
    bar("300 operations: generator time / compile (Csc) time", "< 3 %", f"{share * 100:.1f} %", share < 0.03)
    ratio = build["build_ratio"]
    bar("300 operations: whole build, generated / hand-written models", "< 1.3", f"{ratio:.2f}", ratio < 1.3)
    # Against the same compilation run the same way (the analyzer driver, with an analyzer that registers nothing):
    # Compilation.GetDiagnostics() takes another path, so comparing with it would measure the path, not the analyzers.
    # No other analyzer shares the driver's per-file work with ours here: the strictest view. A compilation's time
    # drifts over minutes by more than the few percent measured: the bar rests on the paired benchmark, read at each
    # half's fastest tenth, since a slow spell only ever adds time and a block of two seconds-long compilations meets
    # one or not (the median of the blocks is shown beside it).
    ev = paired(rows, "AnalyzerBenchmarks", "", "PairedEvsAnalyzers")
    lo, hi = slices(results_dir, "AnalyzerBenchmarks", "", "PairedEvsAnalyzers", count=5, reading=fastest_tenth)
    bar("1,000 files: what EVS001-EVS004 add to the compilation, paired, at each half's fastest tenth", "< 3 %",
        f"{(ev['tenth'] - 1) * 100:+.2f} % (95 % bootstrap interval {(ev['tenth_low'] - 1) * 100:+.2f} to "
        f"{(ev['tenth_high'] - 1) * 100:+.2f} %, {(lo - 1) * 100:+.2f} to {(hi - 1) * 100:+.2f} % over five consecutive "
        f"slices of the run, {ev['blocks']} blocks; median of the blocks {(ev['median'] - 1) * 100:+.2f} %, 95 % interval "
        f"{(ev['low'] - 1) * 100:+.2f} to {(ev['high'] - 1) * 100:+.2f} %; fastest runs {(ev['minimum'] - 1) * 100:+.2f} %)",
        verdict(min(ev["tenth_low"], lo), max(ev["tenth_high"], hi), lambda r: r - 1 < 0.03))

    # Reference points, not bars: what Roslyn itself costs before a generator or analyzer does any work.
    context = []
    for spec in ("Shipped", "Synthetic300"):
        p = f"Spec={spec}"
        cold = t("GeneratorBenchmarks", p, "Cold")
        floor = t("GeneratorBenchmarks", p, "EmptyWarmAfterCodeEdit")
        replay = t("GeneratorBenchmarks", p, "ReplayWarmAfterCodeEdit")
        ours = t("GeneratorBenchmarks", p, "WarmAfterCodeEdit")
        context.append(f"generator, {spec} spec: a warm run of a generator that does nothing takes {fmt_time(floor)} "
                       f"({floor / cold * 100:.2f} % of our cold run); one that only writes the same files as ours takes "
                       f"{fmt_time(replay)} ({replay / cold * 100:.2f} %); ours takes {fmt_time(ours)} ({ours / cold * 100:.2f} %)")
    own = {m: t("ClientBenchmarks", in_memory, m) for m in ("EvsContracts", "NSwag", "Refit", "Kiota")}
    context.append("client call, the clients' own cost (a handler that answers from memory, no sockets): "
                   + ", ".join(f"{rows[('ClientBenchmarks', in_memory, m)]['title']} {fmt_time(v)}" for m, v in own.items())
                   + f"; the fastest peer's over ours: {min(v for m, v in own.items() if m != 'EvsContracts') / own['EvsContracts']:.2f}")
    base = t("AnalyzerBenchmarks", "", "CompileWithNothingAnalyzer")
    sdk = paired(rows, "AnalyzerBenchmarks", "", "PairedSdkAndEvsAnalyzers")
    context.append(f"analyzers: the analyzers the SDK passes to every net10.0 build add "
                   f"{(t('AnalyzerBenchmarks', '', 'CompileWithSdkAnalyzers') / base - 1) * 100:.0f} % to the compilation "
                   f"through the driver with an analyzer that registers nothing; with them, EVS001-EVS004 add {paired_percent(sdk)}")
    callbacks = paired(rows, "AnalyzerBenchmarks", "", "PairedEvsOwnTime")
    # The callbacks' CPU time is a part of the compilation it was measured in (A): over the rest, it is what they add.
    context.append(f"analyzers: the CPU time of EVS001-EVS004's own callbacks, measured within each compilation, is "
                   f"{callbacks['median'] / (1 - callbacks['median']) * 100:.2f} % of the rest of it (95 % interval "
                   f"{callbacks['low'] / (1 - callbacks['low']) * 100:.2f} to {callbacks['high'] / (1 - callbacks['high']) * 100:.2f} %): their work, "
                   f"without the driver's cost of calling them, and steady where the paired difference is not")
    direct = t("AnalyzerBenchmarks", "", "Compile") / base - 1
    context.append(f"analyzers: the same compilation through Compilation.GetDiagnostics(), with no analyzer driver, "
                   f"takes {direct * 100:+.1f} % against the driver with an analyzer that registers nothing")
    empty_operation = t("AnalyzerBenchmarks", "", "CompileWithEmptyAnalyzer") / base - 1
    hook = paired(rows, "AnalyzerBenchmarks", "", "PairedEmptySemanticModelAnalyzer")
    context.append(f"analyzers: an analyzer that registers operation actions and does nothing with them adds "
                   f"{empty_operation * 100:.1f} % to the compilation (Roslyn builds the operation trees of every method; "
                   f"unpaired medians); one with a semantic-model action that does nothing, the hook EVS001-EVS004 use, adds "
                   f"{paired_percent(hook)}")
    extra = a("AnalyzerBenchmarks", "", "CompileWithAnalyzers") / a("AnalyzerBenchmarks", "", "CompileWithEmptySemanticModelAnalyzer") - 1
    context.append(f"analyzers, memory (stable where time is not): EVS001-EVS004 allocate {extra * 100:.1f} % more than the "
                   f"analyzer with the same hook that does nothing")

    out = []
    out.append(f"Run of {machine['date']}: {machine['cpu']}, {host['LogicalCoreCount']} logical cores, {machine['memory']}; "
               f"{host['OsVersion']}; {host['RuntimeVersion']}, SDK {host['DotNetCliVersion']}; "
               f"BenchmarkDotNet {host['BenchmarkDotNetVersion']}, job `{machine['job']}`, in-process toolchain. "
               f"Load average before the run: {machine['load_before']}, after: {machine['load_after']}.")
    if machine.get("note"):
        out.append("")
        out.append(machine["note"])
    out.append("")
    out.append("### The bars")
    out.append("")
    out.append("| bar | target | measured | |")
    out.append("| --- | --- | --- | --- |")
    for name, target, measured, status in bars:
        out.append(f"| {name} | {target} | {measured} | {status} |")
    out.append("")
    out.append("Reference points measured in the same run (not bars):")
    out.append("")
    for line in context:
        out.append(f"- {line}")
    out.append("")
    out.append("![Time of each peer over the hand-written code, log scale](benchmarks.svg)")
    for payload in ("Seed", "Cjk"):
        out.append("")
        out.append(f"### Serialize `CreateSnapshotRequestBody`, {'seed example' if payload == 'Seed' else 'CJK payload'} (ratio to hand-written)")
        out.append("")
        out.append(table(rows, ser, f"Payload={payload}", peers_ser, "HandWritten"))
        out.append("")
        out.append(paired_table(rows, ser, f"Payload={payload}", ["PairedWithHandWritten", "PairedWithStjContext"]))
    for payload in ("Seed", "Cjk"):
        out.append("")
        out.append(f"### Deserialize `CreateSnapshotResponseBody`, {'seed example' if payload == 'Seed' else 'CJK payload'} (ratio to hand-written)")
        out.append("")
        out.append(table(rows, des, f"Payload={payload}", peers_des, "HandWritten"))
        out.append("")
        out.append(paired_table(rows, des, f"Payload={payload}", ["PairedWithHandWritten", "PairedWithStjContext"]))
    out.append("")
    out.append("### `Validate()`")
    out.append("")
    out.append(table(rows, "ValidateBenchmarks", "", ["Valid", "Invalid"], "Valid"))
    out.append("")
    out.append("### One create-snapshot call against Kestrel on 127.0.0.1 (ratio to the hand-written HttpClient call)")
    out.append("")
    out.append(table(rows, "ClientBenchmarks", kestrel, client, "HandWrittenHttpClient"))
    out.append("")
    out.append("Paired, against Kestrel: each operation is one call of each client, the order alternating; a block is two operations, one in each order.")
    out.append("")
    out.append(paired_table(rows, "ClientBenchmarks", kestrel, ["PairedWithNSwag", "PairedWithRefit", "PairedWithKiota"]))
    out.append("")
    out.append("### The same call answered from memory: the clients' own cost (ratio to the hand-written HttpClient call)")
    out.append("")
    out.append(table(rows, "ClientBenchmarks", in_memory, client, "HandWrittenHttpClient"))
    out.append("")
    out.append("Paired, answered from memory:")
    out.append("")
    out.append(paired_table(rows, "ClientBenchmarks", in_memory, ["PairedWithNSwag", "PairedWithRefit", "PairedWithKiota"]))
    for spec in ("Shipped", "Synthetic300"):
        out.append("")
        out.append(f"### Generator, {'shipped spec' if spec == 'Shipped' else '300 operations, 600 schemas'} (ratio to a cold run)")
        out.append("")
        out.append(table(rows, "GeneratorBenchmarks", f"Spec={spec}", ["Cold", "WarmAfterCodeEdit", "EmptyWarmAfterCodeEdit", "ReplayWarmAfterCodeEdit", "WarmAfterSpecEdit"], "Cold"))
    out.append("")
    out.append("### Analyzers on 1,000 files (ratio to the compilation through the analyzer driver with no analyzer work)")
    out.append("")
    out.append(table(rows, "AnalyzerBenchmarks", "", ["CompileWithNothingAnalyzer", "Compile", "CompileWithEmptyAnalyzer", "CompileWithEmptySemanticModelAnalyzer", "CompileWithAnalyzers", "CompileWithSdkAnalyzers", "CompileWithSdkAndEvsAnalyzers"], "CompileWithNothingAnalyzer"))
    out.append("")
    out.append("Paired: each operation is one compilation of each case, the order alternating, with a full garbage collection before each outside its time; a block is two operations, one in each order.")
    out.append("")
    out.append(paired_table(rows, "AnalyzerBenchmarks", "", ["PairedEvsAnalyzers", "PairedEmptySemanticModelAnalyzer", "PairedSdkAndEvsAnalyzers", "PairedEvsOwnTime"]))
    g, h = build["generated"], build["handwritten"]
    out.append("")
    out.append(f"### Building 300 operations (`dotnet build --no-incremental`, medians of {build['repeats']} builds)")
    out.append("")
    out.append("| project | whole build | Csc task | generator | EVS001-EVS004 |")
    out.append("| --- | ---: | ---: | ---: | ---: |")
    out.append(f"| spec, generated at build time | {g['wall']:.2f} s | {g['csc']:.2f} s | {g['generator']:.3f} s | {g['analyzers']:.3f} s |")
    out.append(f"| the same C# as plain files ({build['spec']['files']} files) | {h['wall']:.2f} s | {h['csc']:.2f} s | | |")

    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    if BEGIN not in doc or END not in doc:
        raise SystemExit(f"{DOC} has no results markers")
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(DOC, "w", encoding="utf-8", newline="\n") as f:
        f.write(head + BEGIN + "\n" + "\n".join(out) + "\n" + END + tail)

    write_svg(rows, ser, des, peers_ser, peers_des, machine)
    print("\n".join(f"{status:>10}  {name}: {measured} (target {target})" for name, target, measured, status in bars))
    print("\n".join(context))


def write_svg(rows, ser, des, peers_ser, peers_des, machine):
    groups = []
    for payload, label in (("Seed", "seed example"), ("Cjk", "CJK payload")):
        p = f"Payload={payload}"
        groups.append((f"Serialize, {label}", [(rows[(ser, p, m)]["title"], rows[(ser, p, m)]["median"] / rows[(ser, p, "HandWritten")]["median"], m == "Generated") for m in peers_ser]))
        groups.append((f"Deserialize, {label}", [(rows[(des, p, m)]["title"], rows[(des, p, m)]["median"] / rows[(des, p, "HandWritten")]["median"], m == "Generated") for m in peers_des]))
    c = "ClientBenchmarks"
    for params, label in (("Transport=Kestrel", "against Kestrel"), ("Transport=InMemory", "answered from memory")):
        groups.append((f"Create-snapshot call {label} (to hand-written HttpClient)", [(rows[(c, params, m)]["title"], rows[(c, params, m)]["median"] / rows[(c, params, "HandWrittenHttpClient")]["median"], m == "EvsContracts") for m in ["HandWrittenHttpClient", "EvsContracts", "NSwag", "Refit", "Kiota"]]))

    width, label_w, bar_h, gap, top = 860, 250, 14, 4, 56
    lo, hi = 0.25, 64.0
    plot_w = width - label_w - 70

    def x(v):
        v = min(max(v, lo), hi)
        return label_w + (math.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo)) * plot_w

    height = top + sum(22 + len(items) * (bar_h + gap) + 10 for _, items in groups) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="10" y="20" font-size="14" font-weight="bold">Time over hand-written Utf8JsonWriter/Utf8JsonReader code (log scale; lower is faster)</text>',
             f'<text x="10" y="38" fill="#555">{html.escape(machine["cpu"])}, {html.escape(machine["runtime"])}, {html.escape(machine["date"])}</text>']
    for tick in (0.25, 0.5, 1, 2, 4, 8, 16, 32, 64):
        tx = x(tick)
        parts.append(f'<line x1="{tx:.1f}" y1="{top - 6}" x2="{tx:.1f}" y2="{height - 20}" stroke="{"#333" if tick == 1 else "#ddd"}" stroke-width="{1.5 if tick == 1 else 1}"/>')
        parts.append(f'<text x="{tx:.1f}" y="{height - 6}" text-anchor="middle" fill="#555">{tick:g}×</text>')
    y = top
    for title, items in groups:
        parts.append(f'<text x="10" y="{y + 14}" font-weight="bold">{html.escape(title)}</text>')
        y += 22
        for name, ratio, ours in items:
            color = "#1f77b4" if ours else "#9aa5b1"
            parts.append(f'<text x="{label_w - 8}" y="{y + bar_h - 3}" text-anchor="end">{html.escape(name)}</text>')
            parts.append(f'<rect x="{label_w}" y="{y}" width="{max(x(ratio) - label_w, 1):.1f}" height="{bar_h}" fill="{color}"/>')
            parts.append(f'<text x="{x(ratio) + 4:.1f}" y="{y + bar_h - 3}">{ratio:.2f}</text>')
            y += bar_h + gap
        y += 10
    parts.append("</svg>")
    with open(SVG, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
