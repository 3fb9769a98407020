#!/usr/bin/env python3
"""Writes one run's figures into docs/benchmarks.md (between the results markers) and docs/benchmarks.svg.

Usage: report.py ARTIFACTS_DIR RUN_DESCRIPTION

ARTIFACTS_DIR holds BenchmarkDotNet's full JSON exports (any depth) and, from build-time.py, build-time.json. A ratio
is of two means of BenchmarkDotNet's statistics in the same run; its 95 % interval comes from their standard errors
(r * (1 +- t * sqrt((se_a / mean_a)^2 + (se_b / mean_b)^2))). A bar is met when the whole interval is within it,
missed when none of it is, and undecided otherwise: then the interval is the answer.
"""
import glob
import json
import math
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DOC, SVG = os.path.join(ROOT, "docs", "benchmarks.md"), os.path.join(ROOT, "docs", "benchmarks.svg")
BEGIN, END = "<!-- results:begin (written by benchmarks/report.py) -->", "<!-- results:end -->"
T95 = 2.05  # Student's t at 97.5 % for 28 degrees of freedom (15 iterations a case) or more: a little wide above.
PAYLOADS = (("Seed", "seed"), ("Cjk", "CJK"))
JSON_CLASSES = (("SerializeBenchmarks", "write"), ("DeserializeBenchmarks", "read"))
JSON_PEERS = ("STJ context", "NSwag", "Newtonsoft.Json", "Kiota")
CLIENT_PEERS = ("NSwag", "Refit", "Kiota")


def load(directory):
    rows, host = {}, {}
    for path in sorted(glob.glob(os.path.join(directory, "**", "*-report-full.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        host = data["HostEnvironmentInfo"]
        for b in data["Benchmarks"]:
            s = b.get("Statistics")
            if s:
                rows[(b["Type"], b["Parameters"], b["MethodTitle"].strip("'"))] = {
                    "mean": s["Mean"], "se": s["StandardError"], "alloc": b["Memory"]["BytesAllocatedPerOperation"]}
    return rows, host


def ratio(a, b):
    """b's mean over a's, with its 95 % interval."""
    r = b["mean"] / a["mean"]
    spread = T95 * math.hypot(a["se"] / a["mean"], b["se"] / b["mean"])
    return r, r * (1 - spread), r * (1 + spread)


def verdict(low, high, bar):
    return "met" if high < bar else "missed" if low >= bar else "undecided"


def time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def size(b):
    return f"{b / 1024 / 1024:.1f} MB" if b >= 1024 * 1024 else f"{b / 1024:.1f} KB" if b >= 1024 else f"{int(b)} B"


def bars(rows, build):
    """(bar, figure, verdict) for every bar; the figure of a bar whose benchmarks did not run says so."""
    out = []
    for cls, verb in JSON_CLASSES:
        for payload, name in PAYLOADS:
            hand, ours = rows.get((cls, f"Payload={payload}", "Hand-written")), rows.get((cls, f"Payload={payload}", "EvsContracts"))
            out.append(compare(f"{verb} the {name} body: time, ours / hand-written ≤ 1.10", hand, ours, 1.10))
            out.append(allocated(f"{verb} the {name} body: allocated, ours = hand-written", ours, [("hand-written", hand)], equal=True))
            out.append(closest(f"{verb} the {name} body: time, ours / each peer's < 1", ours, [(p, rows.get((cls, f"Payload={payload}", p))) for p in JSON_PEERS]))

    ours, peers = rows.get(("ClientBenchmarks", "", "EvsContracts")), [(p, rows.get(("ClientBenchmarks", "", p))) for p in CLIENT_PEERS]
    out.append(closest("client call: time, ours / each peer's < 1", ours, peers))
    out.append(allocated("client call: allocated, ours < each peer's", ours, peers, equal=False))
    out.append(signing_cost("client call: what AK/SK signing adds over a token < the cheapest peer's own call",
                            rows.get(("ClientBenchmarks", "", "EvsContracts, token")), rows.get(("ClientBenchmarks", "", "EvsContracts, AK/SK")), peers))
    for spec, name in (("Shipped", "shipped spec"), ("Synthetic300", "300 operations")):
        cold, warm = rows.get(("GeneratorBenchmarks", f"Spec={spec}", "Cold run")), rows.get(("GeneratorBenchmarks", f"Spec={spec}", "Warm run, unrelated C# edit"))
        out.append(compare(f"generator, {name}: warm run after an unrelated edit / cold run < 1 %", cold, warm, 0.01, "{:.2%}"))
    sdk, evs = rows.get(("AnalyzerBenchmarks", "", "SDK analyzers")), rows.get(("AnalyzerBenchmarks", "", "SDK analyzers + EVS001-EVS004"))
    bar = "1,000 files with the SDK's analyzers: what EVS001-EVS004 add < 3 %"
    if sdk and evs:
        r, lo, hi = ratio(sdk, evs)
        out.append((bar, f"{r - 1:+.1%} ({lo - 1:+.1%} to {hi - 1:+.1%})", verdict(lo, hi, 1.03)))
    else:
        out.append((bar, "not run", ""))

    build_bars = ("300 operations: generator time / compile (Csc) < 3 %", "300 operations: dotnet build with the package / without < 1.3")
    if build:
        share, whole = build["package"]["generator"] / build["package"]["csc"], build["package"]["wall"] / build["files"]["wall"]
        out += [(build_bars[0], f"{share:.1%}", "met" if share < 0.03 else "missed"), (build_bars[1], f"{whole:.2f}", "met" if whole < 1.3 else "missed")]
    else:
        out += [(bar, "not run", "") for bar in build_bars]
    return out


def compare(bar, a, b, limit, number="{:.2f}"):
    if not a or not b:
        return bar, "not run", ""
    r, lo, hi = ratio(a, b)
    return bar, f"{number.format(r)} ({number.format(lo)}–{number.format(hi)})", verdict(lo, hi, limit)


def allocated(bar, ours, others, equal):
    if not ours or not all(r for _, r in others):
        return bar, "not run", ""
    name, least = min(others, key=lambda o: o[1]["alloc"])
    met = ours["alloc"] <= least["alloc"] if equal else ours["alloc"] < least["alloc"]
    return bar, f"{size(ours['alloc'])} vs {size(least['alloc'])} ({name})", "met" if met else "missed"


def signing_cost(bar, token, signed, peers):
    """The signed call's mean less the token call's, over the mean of the peer whose whole call costs least. The
    interval takes the difference's standard error (of the two means) and the peer's."""
    if not token or not signed or not all(r for _, r in peers):
        return bar, "not run", ""
    name, cheapest = min(peers, key=lambda p: p[1]["mean"])
    added = signed["mean"] - token["mean"]
    spread = T95 * math.hypot(signed["se"], token["se"])
    low = (added - spread) / (cheapest["mean"] + T95 * cheapest["se"])
    high = (added + spread) / max(cheapest["mean"] - T95 * cheapest["se"], 1e-9)
    return bar, f"+{time(max(added, 0))} = {added / cheapest['mean']:.2f} of {name}'s {time(cheapest['mean'])} ({low:.2f}–{high:.2f})", verdict(low, high, 1.0)


def closest(bar, ours, peers):
    """The bar 'ours ahead of every peer', read against the peer that comes closest."""
    if not ours or not all(r for _, r in peers):
        return bar, "not run", ""
    readings = [(name, *ratio(peer, ours)) for name, peer in peers]
    name, r, lo, hi = max(readings, key=lambda x: x[3])
    return bar, f"{r:.2f} ({lo:.2f}–{hi:.2f}), closest: {name}", verdict(lo, hi, 1.0)


def tables(rows, build):
    lines = ["Mean time, ratio to the hand-written code, bytes allocated per operation:", "",
             "| | " + " | ".join(f"{verb} {name}" for _, verb in JSON_CLASSES for _, name in PAYLOADS) + " |",
             "| --- |" + " ---: |" * 4]
    for peer in ("Hand-written", "EvsContracts") + JSON_PEERS:
        cells = []
        for cls, _ in JSON_CLASSES:
            for payload, _ in PAYLOADS:
                r, hand = rows.get((cls, f"Payload={payload}", peer)), rows.get((cls, f"Payload={payload}", "Hand-written"))
                cells.append(f"{time(r['mean'])} · {r['mean'] / hand['mean']:.2f} · {size(r['alloc'])}" if r and hand else "not run")
        lines.append(f"| {peer} | " + " | ".join(cells) + " |")

    lines += ["", "| client call, answered from memory | mean | ratio to ours | allocated |", "| --- | ---: | ---: | ---: |"]
    ours = rows.get(("ClientBenchmarks", "", "EvsContracts"))
    for peer in ("EvsContracts", "EvsContracts, token", "EvsContracts, AK/SK") + CLIENT_PEERS:
        r = rows.get(("ClientBenchmarks", "", peer))
        lines.append(f"| {peer} | {time(r['mean'])} | {r['mean'] / ours['mean']:.2f} | {size(r['alloc'])} |" if r and ours else f"| {peer} | not run | | |")

    lines += ["", "| generator | cold run | warm run, unrelated edit | allocated, cold / warm |", "| --- | ---: | ---: | ---: |"]
    for spec, name in (("Shipped", "shipped spec"), ("Synthetic300", "300 operations, 600 schemas")):
        cold, warm = rows.get(("GeneratorBenchmarks", f"Spec={spec}", "Cold run")), rows.get(("GeneratorBenchmarks", f"Spec={spec}", "Warm run, unrelated C# edit"))
        lines.append(f"| {name} | {time(cold['mean'])} | {time(warm['mean'])} | {size(cold['alloc'])} / {size(warm['alloc'])} |" if cold and warm else f"| {name} | not run | | |")

    lines += ["", "| 1,000 files, all diagnostics | mean | allocated |", "| --- | ---: | ---: |"]
    for case in ("SDK analyzers", "SDK analyzers + EVS001-EVS004"):
        r = rows.get(("AnalyzerBenchmarks", "", case))
        lines.append(f"| {case} | {time(r['mean'])} | {size(r['alloc'])} |" if r else f"| {case} | not run | |")

    if build:
        lines += ["", f"| `dotnet build --no-incremental`, 300 operations (medians of {build['repeats']}) | whole build | Csc task | generator |",
                  "| --- | ---: | ---: | ---: |",
                  f"| with the package (spec generated) | {build['package']['wall']:.2f} s | {build['package']['csc']:.2f} s | {build['package']['generator']:.3f} s |",
                  f"| without (the same C# as files) | {build['files']['wall']:.2f} s | {build['files']['csc']:.2f} s | |"]
    return lines


def chart(rows):
    """Horizontal bars, log scale: each peer's time over the hand-written code's, in the four (de)serializations."""
    groups = [(f"{verb} {name}", [(p, rows[(cls, f"Payload={payload}", p)]["mean"] / rows[(cls, f"Payload={payload}", "Hand-written")]["mean"])
                                  for p in ("EvsContracts",) + JSON_PEERS if (cls, f"Payload={payload}", p) in rows])
              for cls, verb in JSON_CLASSES for payload, name in PAYLOADS if (cls, f"Payload={payload}", "Hand-written") in rows]
    x0, width, row, top = 130, 440, 16, 30
    scale = width / math.log10(32)  # 1/4x to 8x
    height = top + sum(len(bars) * row + 24 for _, bars in groups) + 10
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{x0 + width + 60}" height="{height}" font-family="sans-serif" font-size="11">',
           f'<text x="{x0}" y="14" font-size="12">Time / hand-written code (log scale; left of the line is faster)</text>']
    one = x0 + scale * math.log10(4)
    y = top
    for title, group in groups:
        svg.append(f'<text x="4" y="{y + 10}" font-weight="bold">{title}</text>')
        y += 16
        for peer, r in group:
            end = x0 + scale * math.log10(min(max(r, 0.25), 8) * 4)
            colour = "#2a7ab0" if peer == "EvsContracts" else "#999"
            svg.append(f'<text x="{x0 - 6}" y="{y + 11}" text-anchor="end">{peer}</text>'
                       f'<rect x="{x0}" y="{y + 2}" width="{end - x0:.1f}" height="{row - 4}" fill="{colour}"/>'
                       f'<text x="{end + 4:.1f}" y="{y + 11}">{r:.2f}</text>')
            y += row
        y += 8
    svg.append(f'<line x1="{one:.1f}" y1="{top}" x2="{one:.1f}" y2="{height - 10}" stroke="#333" stroke-dasharray="3,3"/></svg>')
    return "\n".join(svg) + "\n"


def main():
    directory, run = sys.argv[1], sys.argv[2]
    rows, host = load(directory)
    build_path = os.path.join(directory, "build-time.json")
    build = json.load(open(build_path, encoding="utf-8")) if os.path.exists(build_path) else None
    machine = f"{host.get('ProcessorName', '?')}, {host.get('LogicalCoreCount', '?')} logical cores; {host.get('BenchmarkDotNetCaption', 'BenchmarkDotNet')} {host.get('BenchmarkDotNetVersion', '')}"
    lines = [f"Run of {run}; {machine}.", "", "| bar | figure (95 % interval) | |", "| --- | --- | --- |"]
    lines += [f"| {bar} | {figure} | {result} |" for bar, figure, result in bars(rows, build)]
    lines += ["", "![Time of each peer over the hand-written code, log scale](benchmarks.svg)", ""] + tables(rows, build)

    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    head, rest = doc.split(BEGIN)
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(head + BEGIN + "\n" + "\n".join(lines) + "\n" + END + rest.split(END)[1])
    with open(SVG, "w", encoding="utf-8") as f:
        f.write(chart(rows))


if __name__ == "__main__":
    main()
