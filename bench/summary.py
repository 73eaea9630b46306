#!/usr/bin/env python3
"""Prints the one table of bench/run from its output folder (standard library only):
pipeline stage times (./colorize bench), the network on TensorFlow/DJL and on PyTorch, the
matmuls, the TF/torch time ratio and max |Δab|.

    python3 bench/summary.py OUTDIR
"""
import json
import os
import re
import sys


def read_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def read_text(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def main():
    out = sys.argv[1]
    net = read_json(os.path.join(out, "network", "network.json"))
    torch = read_json(os.path.join(out, "network", "torch.json"))
    pipeline = read_text(os.path.join(out, "pipeline.txt"))
    rows = []

    def row(what, time="", gflops="", note=""):
        rows.append((what, time, gflops, note))

    m = re.search(r"model load \(cold, incl\. engine start\): ([0-9.]+) s", pipeline)
    if m:
        row("pipeline: model load (cold, incl. engine start)", m.group(1))
    for line in pipeline.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and re.match(r"\d+ MP", cells[0]):
            mp, up, prep, netw, recomb, nonnet, heap = cells
            row(f"pipeline {mp} {up}: prepare L / network / upsample+recombine", f"{prep} / {netw} / {recomb}", "",
                f"non-network {nonnet} s, peak heap {heap} MB")
    if not any(r[0].startswith("pipeline") for r in rows):
        row("pipeline (./colorize bench)", "", "", "no result: see pipeline.txt / pipeline.err")

    if net:
        tf_mm = net["matmul"]["gflops"]
        t_mm = torch["matmul"]["gflops"] if torch else None
        tsizes = {s["size"]: s for s in torch["sizes"]} if torch else {}
        for s in net["sizes"]:
            size = s["size"]
            row(f"network {size}² TensorFlow 2.10 via DJL ({s['gflop']:.1f} GFLOP)", f"{s['median_s']:.3f}",
                f"{s['gflops']:.1f}", f"{100 * s['gflops'] / tf_mm:.0f}% of TF matmul; min {s['min_s']:.3f} s")
            t = tsizes.get(size)
            if not t:
                continue
            for layout, v in t["layouts"].items():
                row(f"network {size}² PyTorch {torch['torch']} {layout}", f"{v['median_s']:.3f}", f"{v['gflops']:.1f}",
                    f"{100 * v['gflops'] / t_mm:.0f}% of torch matmul; TF/torch time {v['ratio_tf_over_torch']:.2f}; "
                    f"max abs Δab vs TF {v['max_abs_diff_ab']:.3g} (mean {v['mean_abs_diff_ab']:.2g}); min {v['min_s']:.3f} s")
            f64 = t.get("float64")
            if f64:
                parts = [f"{k.replace('_vs_java64', '')} {v['max']:.2g}" for k, v in f64.items()]
                row(f"network {size}² max abs Δab vs the Java graph in float64", "", "", "; ".join(parts))
        n = net["matmul"]["n"]
        row(f"matmul {n}³ TensorFlow (TF Java session)", f"{net['matmul']['median_s']:.3f}", f"{tf_mm:.1f}")
        if torch:
            row(f"matmul {torch['matmul']['n']}³ PyTorch", f"{torch['matmul']['median_s']:.3f}", f"{t_mm:.1f}")
        else:
            row("PyTorch side", "", "", "not run: apt-get install python3-torch")
        load = f"load avg {net['loadavg_before']} → {net['loadavg_after']}"
        if torch:
            load += f", torch side {torch['loadavg_before']} → {torch['loadavg_after']}"
        header = (f"SIGGRAPH17 width 1.0, {net['parameters']:,} parameters, fixed random weights (seed {net['seed']}); "
                  f"{net['cores']} cores; TF_ENABLE_ONEDNN_OPTS={net['tf_enable_onednn_opts']}; {load}")
    else:
        row("network benchmark", "", "", "no result: see network.txt / network.err")
        header = "network benchmark missing"

    print()
    print(header)
    print("| benchmark | median time (s) | GFLOP/s | notes |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
