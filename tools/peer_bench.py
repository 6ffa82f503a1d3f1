#!/usr/bin/env python3
"""Peer benchmark: the kit against the tools a user would otherwise pick, same machine, same run, same inputs.

    python3 tools/peer_bench.py [--repeat 5] [--rounds 1] [--quick] [--out /tmp/breastseg-peer] [--check]

1. runs `breastseg bench --peer-out DIR` (the kit times itself in process: entropy of a 256-level image, Hilbert
   envelope, an attention U-Net training step at 1 and 2 threads) and writes the inputs it used;
2. times in this Python process, on the same inputs: skimage.filters.rank.entropy (same footprint, same 256 levels,
   log2, clipped windows), scipy.signal.hilbert (axis 0, the depth axis), and a PyTorch training step of AttU_Net from
   LeeJunHyun/Image_Segmentation (16 base filters, 4x1x128x128, Adam, Dice + BCE) at 1 and 2 threads;
3. checks that skimage's and the kit's entropy maps agree, and prints one table with the ratios.
A missing package (Debian: python3-numpy, python3-skimage, python3-scipy, python3-torch) is named before anything runs
and its rows skipped; --check only lists what is present and what is missing.
Timings: best and median of --repeat runs after one warm-up (training steps: the kit's warm-up count, 20), wall clock (time.perf_counter) and process CPU time;
--rounds N repeats kit and peers in turn and combines (smallest best, median of medians).
"""
import argparse, importlib, json, os, subprocess, sys, time
from pathlib import Path

try:
    import numpy as np
except ImportError:
    print("peer: numpy is missing (Debian: apt-get install python3-numpy); nothing to compare", file=sys.stderr)
    sys.exit(2)

ROOT = Path(__file__).resolve().parent.parent


def timed(fn, repeat, warmup=1):
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    return {"bestMs": min(wall), "medianMs": float(np.median(wall)), "cpuMs": float(np.median(cpu))}


def attu_net(torch, nn, base):
    """AttU_Net of LeeJunHyun/Image_Segmentation (network.py), with the base width as a parameter."""
    class ConvBlock(nn.Module):
        def __init__(self, i, o):
            super().__init__()
            self.conv = nn.Sequential(nn.Conv2d(i, o, 3, 1, 1, bias=True), nn.BatchNorm2d(o), nn.ReLU(inplace=True),
                                      nn.Conv2d(o, o, 3, 1, 1, bias=True), nn.BatchNorm2d(o), nn.ReLU(inplace=True))

        def forward(self, x):
            return self.conv(x)

    class UpConv(nn.Module):
        def __init__(self, i, o):
            super().__init__()
            self.up = nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(i, o, 3, 1, 1, bias=True), nn.BatchNorm2d(o), nn.ReLU(inplace=True))

        def forward(self, x):
            return self.up(x)

    class AttentionBlock(nn.Module):
        def __init__(self, fg, fl, fint):
            super().__init__()
            self.W_g = nn.Sequential(nn.Conv2d(fg, fint, 1, 1, 0, bias=True), nn.BatchNorm2d(fint))
            self.W_x = nn.Sequential(nn.Conv2d(fl, fint, 1, 1, 0, bias=True), nn.BatchNorm2d(fint))
            self.psi = nn.Sequential(nn.Conv2d(fint, 1, 1, 1, 0, bias=True), nn.BatchNorm2d(1), nn.Sigmoid())
            self.relu = nn.ReLU(inplace=True)

        def forward(self, g, x):
            return x * self.psi(self.relu(self.W_g(g) + self.W_x(x)))

    class AttUNet(nn.Module):
        def __init__(self, img_ch=1, output_ch=1, f=base):
            super().__init__()
            self.Maxpool = nn.MaxPool2d(2, 2)
            self.Conv1, self.Conv2, self.Conv3 = ConvBlock(img_ch, f), ConvBlock(f, 2 * f), ConvBlock(2 * f, 4 * f)
            self.Conv4, self.Conv5 = ConvBlock(4 * f, 8 * f), ConvBlock(8 * f, 16 * f)
            self.Up5, self.Att5, self.Up_conv5 = UpConv(16 * f, 8 * f), AttentionBlock(8 * f, 8 * f, 4 * f), ConvBlock(16 * f, 8 * f)
            self.Up4, self.Att4, self.Up_conv4 = UpConv(8 * f, 4 * f), AttentionBlock(4 * f, 4 * f, 2 * f), ConvBlock(8 * f, 4 * f)
            self.Up3, self.Att3, self.Up_conv3 = UpConv(4 * f, 2 * f), AttentionBlock(2 * f, 2 * f, f), ConvBlock(4 * f, 2 * f)
            self.Up2, self.Att2, self.Up_conv2 = UpConv(2 * f, f), AttentionBlock(f, f, f // 2), ConvBlock(2 * f, f)
            self.Conv_1x1 = nn.Conv2d(f, output_ch, 1, 1, 0)

        def forward(self, x):
            x1 = self.Conv1(x)
            x2 = self.Conv2(self.Maxpool(x1))
            x3 = self.Conv3(self.Maxpool(x2))
            x4 = self.Conv4(self.Maxpool(x3))
            x5 = self.Conv5(self.Maxpool(x4))
            d5 = self.Up5(x5); d5 = self.Up_conv5(torch.cat((self.Att5(d5, x4), d5), 1))
            d4 = self.Up4(d5); d4 = self.Up_conv4(torch.cat((self.Att4(d4, x3), d4), 1))
            d3 = self.Up3(d4); d3 = self.Up_conv3(torch.cat((self.Att3(d3, x2), d3), 1))
            d2 = self.Up2(d3); d2 = self.Up_conv2(torch.cat((self.Att2(d2, x1), d2), 1))
            return self.Conv_1x1(d2)

    return AttUNet()


# The peers: import name, what it times, Debian package.
PEERS = [("skimage", "scikit-image rank.entropy", "python3-skimage"), ("scipy", "scipy signal.hilbert", "python3-scipy"),
         ("torch", "PyTorch training step", "python3-torch")]


def available():
    """(present, missing) peers, each with its version or import error."""
    present, missing = [], []
    for module, what, package in PEERS:
        try:
            m = importlib.import_module(module)
            present.append(f"{what}: {module} {getattr(m, '__version__', '?')}")
        except ImportError as e:
            missing.append(f"{what}: {module} missing ({e}); Debian: apt-get install {package}")
    return present, missing


def one_round(a):
    """Runs the kit's bench, then the peers on its inputs: (rows, missing)."""
    out = Path(a.out)
    kit = a.kit.split() if a.kit else ["dotnet", "run", "--project", str(ROOT / "lib/BreastSeg.Cli"), "-c", "Release", "--"]
    cmd = kit + ["bench", "--peer-out", str(out), "--repeat", str(a.repeat)] + (["--quick"] if a.quick else [])
    print("peer: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    meta = json.loads((out / "meta.json").read_text())
    kit_results = json.loads((out / "kit.json").read_text())["results"]
    S, L = meta["samples"], meta["lines"]

    def kit_row(prefix, threads):
        return next((r for r in kit_results if r["name"].startswith(prefix) and r["threads"] == threads), None)

    rows, missing = [], []
    levels = np.fromfile(out / "levels.u8", dtype=np.uint8).reshape(L, S).T  # column-major samples x lines
    rf = np.fromfile(out / "rf.f64", dtype=np.float64).reshape(L, S).T
    try:
        from skimage.filters import rank
        import skimage
        img = np.ascontiguousarray(levels)
        for w in meta["windows"]:
            fp = np.ones((w["rows"], w["cols"]), dtype=bool)
            ref = rank.entropy(img, fp)
            mine = np.fromfile(out / f"kit-entropy-{w['name']}.f64").reshape(L, S).T
            diff = float(np.max(np.abs(ref - mine)))
            t = timed(lambda: rank.entropy(img, fp), a.repeat)
            k = kit_row(f"entropy {w['name']} ", 1)
            rows.append((f"entropy {w['name']} {w['rows']}x{w['cols']}, 256 levels", "1", k, f"scikit-image {skimage.__version__} rank.entropy", t,
                         f"max |kit - skimage| = {diff:.1e} bits"))
    except ImportError as e:
        missing.append(f"scikit-image ({e}); Debian: apt-get install python3-skimage")
    try:
        import scipy
        from scipy.signal import hilbert
        x = np.asfortranarray(rf)
        t = timed(lambda: np.abs(hilbert(x, axis=0)), a.repeat)
        rows.append(("envelope (hilbert, axis 0)", "1", kit_row("envelope", 1), f"scipy {scipy.__version__} signal.hilbert", t, ""))
    except ImportError as e:
        missing.append(f"scipy ({e}); Debian: apt-get install python3-scipy")
    try:
        import torch
        import torch.nn as nn
        tr = meta["train"]
        for threads in (1, 2):
            torch.set_num_threads(threads)
            torch.manual_seed(1)
            net = attu_net(torch, nn, tr["baseFilters"]).train()
            opt = torch.optim.Adam(net.parameters(), lr=tr["lr"])
            xb = torch.randn(tr["batch"], 1, tr["size"], tr["size"])
            yb = (torch.rand(tr["batch"], 1, tr["size"], tr["size"]) > 0.7).float()

            def step():
                opt.zero_grad()
                logits = net(xb)
                p = torch.sigmoid(logits)
                dims = (1, 2, 3)  # MONAI DiceLoss: per image, smooth 1e-5, mean over the batch
                inter = (p * yb).sum(dims)
                dice = 1 - (2 * inter + 1e-5) / (p.sum(dims) + yb.sum(dims) + 1e-5)
                loss = dice.mean() + nn.functional.binary_cross_entropy_with_logits(logits, yb)
                loss.backward()
                opt.step()

            t = timed(step, a.repeat, tr.get("warmup", 1))
            rows.append((f"train step AttU_Net f={tr['baseFilters']} {tr['batch']}x1x{tr['size']}x{tr['size']}", str(threads),
                         kit_row("train step", threads), f"PyTorch {torch.__version__}", t, ""))
    except ImportError as e:
        missing.append(f"PyTorch ({e}); Debian: apt-get install python3-torch")

    return rows, missing


def merge(rounds):
    """One row per work over the rounds (kit and peer alternate, so slow spells of a shared machine hit both):
    best = the smallest best, median and CPU = the median of the rounds' medians."""
    def combine(ts):
        return {"bestMs": min(t["bestMs"] for t in ts), "medianMs": float(np.median([t["medianMs"] for t in ts])),
                "cpuMs": float(np.median([t["cpuMs"] for t in ts]))}
    rows = []
    for i, (work, threads, _, peer, _, note) in enumerate(rounds[0][0]):
        ks = [r[0][i][2] for r in rounds if r[0][i][2]]
        rows.append((work, threads, combine(ks) if ks else None, peer, combine([r[0][i][4] for r in rounds]), note))
    return rows, rounds[0][1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=1, help="run the kit and the peers this many times in turn and combine")
    ap.add_argument("--quick", action="store_true", help="small sizes: checks the script runs, not a measurement")
    ap.add_argument("--out", default="/tmp/breastseg-peer")
    ap.add_argument("--kit", default=None, help="breastseg command (default: dotnet run --project lib/BreastSeg.Cli -c Release --)")
    ap.add_argument("--check", action="store_true", help="list the peers present and missing, run nothing")
    a = ap.parse_args()
    present, absent = available()
    for p in present:
        print(f"peer: found {p}")
    for m in absent:
        print(f"peer: will skip {m}")
    if a.check:
        return
    if a.rounds < 1 or a.repeat < 1:
        ap.error("--rounds and --repeat must be at least 1")
    rounds = [one_round(a) for _ in range(a.rounds)]
    rows, missing = merge(rounds)
    meta = json.loads((Path(a.out) / "meta.json").read_text())
    load = os.getloadavg()
    print(f"\nsame machine, same run ({a.rounds} round(s) of kit then peers); {os.cpu_count()} cores; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
          f"best / median of {a.repeat} after warm-up (kit: {meta['train'].get('warmup', 1)} runs; scikit-image, scipy: 1; PyTorch: {meta['train'].get('warmup', 1)} steps); CPU = process CPU time per run")
    print("| work | threads | kit best (ms) | kit median | kit CPU | peer | peer best (ms) | peer median | peer CPU | peer/kit (best) | peer/kit (median) | note |")
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|")
    for work, threads, k, peer, t, note in rows:
        kb = k["bestMs"] if k else float("nan")
        print(f"| {work} | {threads} | {kb:.1f} | {k['medianMs'] if k else float('nan'):.1f} | {k['cpuMs'] if k else float('nan'):.1f} | {peer} | "
              f"{t['bestMs']:.1f} | {t['medianMs']:.1f} | {t['cpuMs']:.1f} | {t['bestMs'] / kb:.2f}x | "
              f"{t['medianMs'] / (k['medianMs'] if k else float('nan')):.2f}x | {note} |")
    for m in missing:
        print(f"peer: skipped {m}")


if __name__ == "__main__":
    main()
