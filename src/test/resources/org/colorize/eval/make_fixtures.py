#!/usr/bin/env python3
"""Generate the test fixtures of org.colorize.eval (PSNR, SSIM, ab-error AuC, colorfulness).

Run from anywhere with Debian's Python (python3-skimage 0.19.3, numpy 1.24, scipy 1.10):

    /usr/bin/python3 src/test/resources/org/colorize/eval/make_fixtures.py

It writes, next to this script:

* ``<name>.png``     8-bit RGB images (always 3 channels, even the gray one, so that
                     javax.imageio hands the raw samples back without colour management);
* ``<name>.ab.f32``  the a* and b* planes of skimage.color.rgb2lab(<name>) as float32
                     little endian, planar: H*W values of a*, then H*W values of b*
                     (row-major), so the Java tests feed ab directly and no Lab
                     conversion is needed on the Java side;
* ``reference.json`` reference values computed here, independently of the Java code:
    - psnr:           skimage.metrics.peak_signal_noise_ratio(truth, pred, data_range=255)
    - ssim:           skimage.metrics.structural_similarity(truth, pred, channel_axis=2,
                      data_range=255) with all other arguments at their defaults
                      (7x7 uniform window, K1=0.01, K2=0.03, sample covariance)
    - ssim_gaussian:  the same with gaussian_weights=True, sigma=1.5,
                      use_sample_covariance=False (Wang et al. 2004: 11x11 window)
    - cf:             Hasler & Suesstrunk colourfulness in numpy (population std)
    - auc_curve:      fraction of pixels with ||ab_pred - ab_truth||_2 <= t, t = 0..150,
                      computed in float64 from the float32 ab planes written here
    - auc:            numpy.trapz(auc_curve) / 150 (trapezoid rule, normalised to [0,1])
    - auc_mean151:    mean of the 151 fractions (the other common reading, for comparison)

Everything is deterministic: fixed seeds (numpy PCG64), no timestamps, and PNGs are written
by the minimal encoder below (IHDR + one IDAT + IEND, zlib level 9) rather than by an
imaging library, so the bytes do not depend on PIL/imageio versions.  numpy only promises
stable Generator streams within a version, so regenerate with the versions named above
to get the identical files.

Images (about 250 KB in total with the raw ab planes):
* synth_truth     48x40 smooth colour gradients plus Gaussian noise (sigma 6)
* synth_noisy     synth_truth plus further noise (sigma 10) and a slight colour cast
* synth_gray      synth_truth converted to gray (ITU-R 601 luma, rounded), 3 equal channels
* synth_swapped   synth_truth with R and B exchanged (large ab errors)
* patches_truth   48x40, six 16x20 patches of saturated primaries/secondaries plus noise (sigma 8)
* patches_complement  255 - patches_truth (ab errors around and beyond 150)
* astro_truth     64x64 crop of skimage.data.astronaut() (rows 30..93, cols 180..243;
                  NASA photograph of Eileen Collins, public domain; part of the public
                  evaluation set (README, "Training data"), used here only as a test fixture)
* astro_blurdesat astro_truth blurred (Gaussian sigma 1.2) and 60 % desaturated
"""

import json
import os
import struct
import zlib

import numpy as np
import scipy
import skimage
from scipy import ndimage
from skimage import color, data
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_T = 150


def write_png(path, rgb):
    """Minimal deterministic PNG encoder: 8-bit truecolour, filter type 0 on every row."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w, c = rgb.shape
    assert c == 3
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(h))

    def chunk(tag, payload):
        body = tag + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


def to_u8(x):
    return np.clip(np.rint(x), 0, 255).astype(np.uint8)


def synth_images():
    rng = np.random.default_rng(20240611)
    h, w = 40, 48
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    r = 40 + 180 * x / (w - 1)
    g = 30 + 160 * y / (h - 1)
    b = 128 + 100 * np.sin(2 * np.pi * (x + y) / 37.0)
    truth = np.stack([r, g, b], axis=2) + rng.normal(0, 6, size=(h, w, 3))
    truth = to_u8(truth)
    noisy = truth.astype(np.float64) + rng.normal(0, 10, size=(h, w, 3)) + np.array([12.0, -5.0, -9.0])
    noisy = to_u8(noisy)
    luma = truth.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    gray = np.repeat(to_u8(luma)[:, :, None], 3, axis=2)
    swapped = truth[:, :, ::-1].copy()
    return {"synth_truth": truth, "synth_noisy": noisy, "synth_gray": gray, "synth_swapped": swapped}


def patch_images():
    rng = np.random.default_rng(7)
    h, w = 40, 48
    primaries = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255],
                          [255, 255, 0], [0, 255, 255], [255, 0, 255]], dtype=np.float64)
    img = np.empty((h, w, 3))
    for k in range(6):
        ry, rx = divmod(k, 3)
        img[ry * 20:(ry + 1) * 20, rx * 16:(rx + 1) * 16] = primaries[k]
    truth = to_u8(img + rng.normal(0, 8, size=img.shape))
    return {"patches_truth": truth, "patches_complement": 255 - truth}


def astro_images():
    crop = data.astronaut()[30:94, 180:244].astype(np.float64)
    blurred = ndimage.gaussian_filter(crop, sigma=(1.2, 1.2, 0), mode="reflect")
    luma = blurred @ np.array([0.299, 0.587, 0.114])
    desat = luma[:, :, None] + 0.4 * (blurred - luma[:, :, None])
    return {"astro_truth": to_u8(crop), "astro_blurdesat": to_u8(desat)}


def colorfulness(img):
    rgb = img.astype(np.float64)
    rg = rgb[:, :, 0] - rgb[:, :, 1]
    yb = 0.5 * (rgb[:, :, 0] + rgb[:, :, 1]) - rgb[:, :, 2]
    return float(np.sqrt(rg.std() ** 2 + yb.std() ** 2) + 0.3 * np.sqrt(rg.mean() ** 2 + yb.mean() ** 2))


def ab_planes(img):
    lab = color.rgb2lab(img)
    return lab[:, :, 1].astype(np.float32), lab[:, :, 2].astype(np.float32)


def write_ab(path, a, b):
    with open(path, "wb") as f:
        f.write(a.astype("<f4").tobytes(order="C"))
        f.write(b.astype("<f4").tobytes(order="C"))


def auc_curve(ab_pred, ab_truth):
    da = ab_pred[0].astype(np.float64) - ab_truth[0].astype(np.float64)
    db = ab_pred[1].astype(np.float64) - ab_truth[1].astype(np.float64)
    err = np.sqrt(da * da + db * db)
    return np.array([np.mean(err <= t) for t in range(MAX_T + 1)], dtype=np.float64)


def main():
    images = {}
    images.update(synth_images())
    images.update(patch_images())
    images.update(astro_images())

    abs_ = {}
    out_images = {}
    for name, img in images.items():
        write_png(os.path.join(HERE, name + ".png"), img)
        a, b = ab_planes(img)
        write_ab(os.path.join(HERE, name + ".ab.f32"), a, b)
        abs_[name] = (a, b)
        out_images[name] = {"width": int(img.shape[1]), "height": int(img.shape[0]),
                            "cf": colorfulness(img)}

    pairs = [("synth_noisy", "synth_truth"), ("synth_gray", "synth_truth"),
             ("synth_swapped", "synth_truth"), ("patches_complement", "patches_truth"),
             ("astro_blurdesat", "astro_truth")]
    out_pairs = []
    for pred_name, truth_name in pairs:
        pred, truth = images[pred_name], images[truth_name]
        curve = auc_curve(abs_[pred_name], abs_[truth_name])
        cf_p, cf_t = colorfulness(pred), colorfulness(truth)
        out_pairs.append({
            "pred": pred_name,
            "truth": truth_name,
            "psnr": float(peak_signal_noise_ratio(truth, pred, data_range=255)),
            "ssim": float(structural_similarity(truth, pred, channel_axis=2, data_range=255)),
            "ssim_gaussian": float(structural_similarity(
                truth, pred, channel_axis=2, data_range=255,
                gaussian_weights=True, sigma=1.5, use_sample_covariance=False)),
            "auc": float(np.trapz(curve) / MAX_T),
            "auc_mean151": float(curve.mean()),
            "auc_curve": [float(v) for v in curve],
            "cf_pred": cf_p,
            "cf_truth": cf_t,
            "delta_cf": abs(cf_p - cf_t),
        })

    ref = {
        "generator": "make_fixtures.py",
        "versions": {"skimage": skimage.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
        "ab_layout": "float32 little endian, planar: a* plane then b* plane, row-major HxW",
        "images": out_images,
        "pairs": out_pairs,
    }
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
