package org.colorize.train;

import org.colorize.color.Lab;

/**
 * An sRGB picture being composed for instance training (a square scene crop with cut-outs pasted
 * on), and its L, a, b planes sampled into any square region at any size.
 */
final class LabCanvas {
    final int side;
    final int[] argb;

    LabCanvas(int side, int[] argb) {
        if (argb.length != side * side) throw new IllegalArgumentException("canvas needs " + side + "² pixels");
        this.side = side;
        this.argb = argb;
    }

    /** The centered square of side min(w, h), down-sampled by area to {@code side}. */
    static LabCanvas centerSquare(int w, int h, int[] argb, int side) {
        int s = Math.min(w, h);
        int x0 = (w - s) / 2;
        int y0 = (h - s) / 2;
        int[] out = new int[side * side];
        double f = (double) s / side;
        for (int y = 0; y < side; y++) {
            int sy0 = y0 + (int) Math.floor(y * f);
            int sy1 = Math.max(sy0 + 1, y0 + (int) Math.floor((y + 1) * f));
            for (int x = 0; x < side; x++) {
                int sx0 = x0 + (int) Math.floor(x * f);
                int sx1 = Math.max(sx0 + 1, x0 + (int) Math.floor((x + 1) * f));
                long r = 0, g = 0, b = 0, n = 0;
                for (int yy = sy0; yy < Math.min(sy1, h); yy++) {
                    for (int xx = sx0; xx < Math.min(sx1, w); xx++) {
                        int p = argb[yy * w + xx];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                        n++;
                    }
                }
                out[y * side + x] = 0xff000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }
        return new LabCanvas(side, out);
    }

    /** A canvas of the same pixels, to paste on without changing this one. */
    LabCanvas copy() {
        return new LabCanvas(side, argb.clone());
    }

    /**
     * Pastes {@code cut} (ARGB with alpha, {@code cw × ch}) scaled to {@code pw × ph} at (px, py), alpha
     * blended; returns the bounding box of its opaque part (alpha ≥ ½) as {x1, y1, x2, y2}, or null.
     */
    int[] paste(int cw, int ch, int[] cut, int px, int py, int pw, int ph) {
        int x1 = side, y1 = side, x2 = -1, y2 = -1;
        for (int y = 0; y < ph; y++) {
            int ty = py + y;
            if (ty < 0 || ty >= side) continue;
            int sy = Math.min(ch - 1, (int) ((y + 0.5) * ch / ph));
            for (int x = 0; x < pw; x++) {
                int tx = px + x;
                if (tx < 0 || tx >= side) continue;
                int sx = Math.min(cw - 1, (int) ((x + 0.5) * cw / pw));
                int c = cut[sy * cw + sx];
                int a = (c >>> 24) & 0xff;
                if (a == 0) continue;
                int under = argb[ty * side + tx];
                int r = blend((c >> 16) & 0xff, (under >> 16) & 0xff, a);
                int g = blend((c >> 8) & 0xff, (under >> 8) & 0xff, a);
                int b = blend(c & 0xff, under & 0xff, a);
                argb[ty * side + tx] = 0xff000000 | r << 16 | g << 8 | b;
                if (a >= 128) {
                    x1 = Math.min(x1, tx);
                    y1 = Math.min(y1, ty);
                    x2 = Math.max(x2, tx + 1);
                    y2 = Math.max(y2, ty + 1);
                }
            }
        }
        return x2 < 0 ? null : new int[] {x1, y1, x2, y2};
    }

    private static int blend(int top, int under, int alpha) {
        return (top * alpha + under * (255 - alpha) + 127) / 255;
    }

    /**
     * L and ab (interleaved a, b) of the region [x1, x2) × [y1, y2) resampled to {@code size²} by
     * averaging 4 × 4 bilinear taps per output pixel (enough to avoid aliasing for the shrink factors
     * here); returns {L plane, ab plane}.
     */
    float[][] lab(double x1, double y1, double x2, double y2, int size) {
        float[] l = new float[size * size];
        float[] ab = new float[size * size * 2];
        double[] lab = new double[3];
        int taps = 4;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = 0, g = 0, b = 0;
                for (int ty = 0; ty < taps; ty++) {
                    double sy = y1 + (y + (ty + 0.5) / taps) * (y2 - y1) / size - 0.5;
                    for (int tx = 0; tx < taps; tx++) {
                        double sx = x1 + (x + (tx + 0.5) / taps) * (x2 - x1) / size - 0.5;
                        double[] rgb = bilinear(sx, sy);
                        r += rgb[0];
                        g += rgb[1];
                        b += rgb[2];
                    }
                }
                int n = taps * taps;
                Lab.fromSrgb(r / n, g / n, b / n, lab);
                int i = y * size + x;
                l[i] = (float) lab[0];
                ab[2 * i] = (float) lab[1];
                ab[2 * i + 1] = (float) lab[2];
            }
        }
        return new float[][] {l, ab};
    }

    private double[] bilinear(double x, double y) {
        x = Math.max(0, Math.min(side - 1, x));
        y = Math.max(0, Math.min(side - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(side - 1, x0 + 1);
        int y1 = Math.min(side - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            double v00 = (argb[y0 * side + x0] >> shift & 0xff);
            double v01 = (argb[y0 * side + x1] >> shift & 0xff);
            double v10 = (argb[y1 * side + x0] >> shift & 0xff);
            double v11 = (argb[y1 * side + x1] >> shift & 0xff);
            out[c] = ((v00 * (1 - fx) + v01 * fx) * (1 - fy) + (v10 * (1 - fx) + v11 * fx) * fy) / 255.0;
        }
        return out;
    }
}
