#!/usr/bin/env python3
"""The SIGGRAPH17 colorization U-Net (width 1.0, regression head, L input) in PyTorch, written
from the architecture description in org.colorize.nn.Siggraph17Net, run on the weights, input and
output that `./colorize bench network --out DIR` dumps: reports max |Δab| against our
TensorFlow/DJL output, the median inference time, and a large float32 matmul's GFLOP/s, all on
CPU in this process.

    python3 bench/siggraph17_torch.py DIR [--json OUT.json] [--repeats N] [--warmup N] [--matmul N]

Layer semantics are PyTorch's own (Conv2d padding 1, dilation 2 with padding 2 in conv5/conv6,
ConvTranspose2d k4 s2 p1, BatchNorm2d in eval mode on the dumped moving statistics, eps 1e-5,
subsampling x[:, :, ::2, ::2], LeakyReLU 0.2, tanh × 110). The Java dump keeps TensorFlow layouts:
conv weights HWIO → OIHW, transposed-conv weights [k, k, out, in] → [in, out, k, k], both by
permute(3, 2, 0, 1), no spatial flip.
"""
import argparse
import copy
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

L_CENTER, L_SCALE, AB_SCALE = 50.0, 100.0, 110.0


def conv3(cin, cout, dilation=1):
    return nn.Conv2d(cin, cout, kernel_size=3, stride=1, padding=dilation, dilation=dilation, bias=True)


class Siggraph17(nn.Module):
    """Attribute names are the Java variable scopes (conv1_1, conv1_norm, conv8_up, …)."""

    # encoder blocks: (name, convs, channels, dilation)
    BLOCKS = [("conv1", 2, 64, 1), ("conv2", 2, 128, 1), ("conv3", 3, 256, 1), ("conv4", 3, 512, 1),
              ("conv5", 3, 512, 2), ("conv6", 3, 512, 2), ("conv7", 3, 512, 1)]

    def __init__(self, in_channels=1):
        super().__init__()
        cin = in_channels
        for name, n, c, d in self.BLOCKS:
            for i in range(1, n + 1):
                setattr(self, f"{name}_{i}", conv3(cin, c, d))
                cin = c
            setattr(self, f"{name}_norm", nn.BatchNorm2d(c))
        # decoder: transposed conv of the deeper map + 3×3 shortcut conv of the encoder map
        self.conv8_up = nn.ConvTranspose2d(512, 256, kernel_size=4, stride=2, padding=1, bias=True)
        self.conv3_short8 = conv3(256, 256)
        self.conv8_2 = conv3(256, 256)
        self.conv8_3 = conv3(256, 256)
        self.conv8_norm = nn.BatchNorm2d(256)
        self.conv9_up = nn.ConvTranspose2d(256, 128, kernel_size=4, stride=2, padding=1, bias=True)
        self.conv2_short9 = conv3(128, 128)
        self.conv9_2 = conv3(128, 128)
        self.conv9_norm = nn.BatchNorm2d(128)
        self.conv10_up = nn.ConvTranspose2d(128, 128, kernel_size=4, stride=2, padding=1, bias=True)
        self.conv1_short10 = conv3(64, 128)
        self.conv10_2 = conv3(128, 128)
        self.out_reg = nn.Conv2d(128, 2, kernel_size=1, bias=True)
        self.leaky_slope = 0.2

    def block(self, name, n, x):
        for i in range(1, n + 1):
            x = torch.relu(getattr(self, f"{name}_{i}")(x))
        return getattr(self, f"{name}_norm")(x)

    def forward(self, l):
        """l: [N, 1, H, W], L in 0..100 → ab [N, 2, H, W] in Lab units."""
        x = (l - L_CENTER) / L_SCALE
        c1 = self.block("conv1", 2, x)
        c2 = self.block("conv2", 2, c1[:, :, ::2, ::2])
        c3 = self.block("conv3", 3, c2[:, :, ::2, ::2])
        y = self.block("conv4", 3, c3[:, :, ::2, ::2])
        y = self.block("conv5", 3, y)
        y = self.block("conv6", 3, y)
        y = self.block("conv7", 3, y)
        y = torch.relu(self.conv8_up(y) + self.conv3_short8(c3))
        y = torch.relu(self.conv8_2(y))
        y = torch.relu(self.conv8_3(y))
        y = self.conv8_norm(y)
        y = torch.relu(self.conv9_up(y) + self.conv2_short9(c2))
        y = torch.relu(self.conv9_2(y))
        y = self.conv9_norm(y)
        y = torch.relu(self.conv10_up(y) + self.conv1_short10(c1))
        y = nn.functional.leaky_relu(self.conv10_2(y), negative_slope=self.leaky_slope)
        return torch.tanh(self.out_reg(y)) * AB_SCALE


BN_NAMES = {"gamma": "weight", "beta": "bias", "moving_mean": "running_mean", "moving_variance": "running_var"}


def load_dump(model, folder):
    """Copies every dumped variable into the model; fails on any missing, extra or misshapen one."""
    with open(os.path.join(folder, "index.json")) as f:
        index = json.load(f)
    state = model.state_dict()
    wanted = {k for k in state if not k.endswith("num_batches_tracked")}
    loaded = {}
    for e in index:
        layer, leaf = e["name"].rsplit("/", 1)
        a = np.fromfile(os.path.join(folder, e["file"]), dtype="<f4").reshape(e["shape"])
        t = torch.from_numpy(a.copy())
        if leaf == "weight" and t.dim() == 4:
            t = t.permute(3, 2, 0, 1)  # HWIO → OIHW; [k, k, out, in] → [in, out, k, k]
        key = f"{layer}.{BN_NAMES.get(leaf, leaf)}"
        if key not in state:
            raise SystemExit(f"dumped variable {e['name']} has no PyTorch counterpart {key}")
        if tuple(state[key].shape) != tuple(t.shape):
            raise SystemExit(f"{e['name']}: dumped {tuple(t.shape)}, PyTorch {key} wants {tuple(state[key].shape)}")
        loaded[key] = t.contiguous()
    missing = wanted - loaded.keys()
    if missing:
        raise SystemExit(f"no dumped values for {sorted(missing)}")
    model.load_state_dict(loaded, strict=False)
    return len(loaded)


def float64_check(model, x, ab_torch32, ab_tf32, ref_file, size):
    """The float32 results (TF; torch in each layout) and PyTorch in float64 against the Java graph
    in float64 with the same weights: tells an architecture difference (float64 results differ)
    from float32 rounding (each float32 result is as far from the float64 ones as from the other)."""
    ab_java64 = np.fromfile(ref_file, dtype="<f8").reshape(1, size, size, 2)
    m64 = Siggraph17().eval()
    m64.load_state_dict(model.state_dict())
    m64 = m64.double()
    with torch.inference_mode():
        ab_torch64 = m64(x.double()).permute(0, 2, 3, 1).numpy()
        # TF's LeakyRelu takes alpha as a float32 attribute: 0.2f = 0.20000000298…
        m64.leaky_slope = float(np.float32(0.2))
        ab_torch64_f = m64(x.double()).permute(0, 2, 3, 1).numpy()

    def d(a):
        e = np.abs(a.astype(np.float64) - ab_java64)
        return {"max": float(e.max()), "mean": float(e.mean())}

    r = {"torch64_vs_java64": d(ab_torch64), "torch64_slope0.2f_vs_java64": d(ab_torch64_f),
         "tf32_vs_java64": d(ab_tf32)}
    for k, v in ab_torch32.items():
        r[f"torch32_{k}_vs_java64"] = d(v)
    print("float64 reference (Java graph in float64): " + ", ".join(
        f"{k.replace('_vs_java64', '')} max {v['max']:.3g} mean {v['mean']:.3g}" for k, v in r.items()))
    return r


def timed(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def loadavg():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="output folder of ./colorize bench network")
    ap.add_argument("--json", help="write the results here (default DIR/torch.json)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--matmul", type=int, default=None, help="matmul side (default: the Java side's)")
    args = ap.parse_args()

    with open(os.path.join(args.dir, "network.json")) as f:
        ours = json.load(f)
    threads = os.cpu_count()
    torch.set_num_threads(threads)
    before = loadavg()
    model = Siggraph17().eval()
    n_loaded = load_dump(model, os.path.join(args.dir, ours["weights"]))
    params = sum(p.numel() for p in model.parameters())
    print(f"torch {torch.__version__}: {n_loaded} tensors loaded, {params:,} parameters "
          f"(Java: {ours['parameters']:,}), {threads} threads, mkldnn {torch.backends.mkldnn.is_available()}")
    if params != ours["parameters"]:
        print("WARNING: parameter counts differ", file=sys.stderr)

    result = {"torch": torch.__version__, "threads": threads, "parameters": params,
              "mkldnn": torch.backends.mkldnn.is_available(), "loadavg_before": before, "sizes": []}
    # Two memory layouts: PyTorch's default NCHW, and channels_last (NHWC, TF's layout), which
    # takes other (oneDNN) kernels in torch 1.13; timed alternately so both see the same load.
    model_cl = copy.deepcopy(model).to(memory_format=torch.channels_last)
    for s in ours["sizes"]:
        size = s["size"]
        raw = np.fromfile(os.path.join(args.dir, s["input"]), dtype="<f4")
        ab_ours = np.fromfile(os.path.join(args.dir, s["ab"]), dtype="<f4").reshape(1, size, size, 2)
        inputs = {"nchw": (model, torch.from_numpy(raw.reshape(1, 1, size, size).copy())),
                  "channels_last": (model_cl, torch.from_numpy(raw.reshape(1, size, size, 1).copy()).permute(0, 3, 1, 2))}
        times = {k: [] for k in inputs}
        outs = {}
        with torch.inference_mode():
            for i in range(args.warmup + args.repeats):
                for k, (m, x) in inputs.items():
                    t0 = time.perf_counter()
                    outs[k] = m(x)
                    if i >= args.warmup:
                        times[k].append(time.perf_counter() - t0)
        r = {"size": size, "gflop": s["gflop"], "layouts": {}}
        for k in inputs:
            ab = outs[k].permute(0, 2, 3, 1).contiguous().numpy()
            diff = np.abs(ab.astype(np.float64) - ab_ours.astype(np.float64))
            med = statistics.median(times[k])
            r["layouts"][k] = {
                "seconds": times[k], "median_s": med, "min_s": min(times[k]), "gflops": s["gflop"] / med,
                "ratio_tf_over_torch": s["median_s"] / med,
                "max_abs_diff_ab": float(diff.max()), "mean_abs_diff_ab": float(diff.mean()),
                "argmax_nhwc": [int(i) for i in np.unravel_index(diff.argmax(), diff.shape)]}
            outs[k] = ab
            print(f"network {size}² torch {k}: median {med:.3f} s of {[round(t, 3) for t in times[k]]}, "
                  f"{s['gflop'] / med:.1f} GFLOP/s; TF/torch time {s['median_s'] / med:.2f}; "
                  f"max |Δab| vs TF {diff.max():.3g}, mean {diff.mean():.3g}")
        best = min(r["layouts"], key=lambda k: r["layouts"][k]["median_s"])
        r["fastest_layout"] = best
        r["max_abs_diff_ab"] = max(v["max_abs_diff_ab"] for v in r["layouts"].values())
        r["torch_layouts_max_abs_diff"] = float(np.abs(outs["nchw"].astype(np.float64) - outs["channels_last"]).max())
        ref = ours.get("float64_reference")
        if ref and ref["size"] == size:
            r["float64"] = float64_check(model, inputs["nchw"][1], outs, ab_ours, os.path.join(args.dir, ref["ab"]), size)
        result["sizes"].append(r)

    n = args.matmul or ours["matmul"]["n"]
    g = torch.Generator().manual_seed(1)
    a = torch.randn(n, n, generator=g)
    b = torch.randn(n, n, generator=g)
    c = torch.empty(n, n)
    times = timed(lambda: torch.mm(a, b, out=c), args.warmup, args.repeats)
    med = statistics.median(times)
    result["matmul"] = {"n": n, "seconds": times, "median_s": med, "gflop": 2 * n ** 3 / 1e9,
                        "gflops": 2 * n ** 3 / 1e9 / med}
    result["loadavg_after"] = loadavg()
    print(f"matmul {n}³: median {med:.3f} s, {result['matmul']['gflops']:.1f} GFLOP/s")
    path = args.json or os.path.join(args.dir, "torch.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
