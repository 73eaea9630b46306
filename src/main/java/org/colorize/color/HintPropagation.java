package org.colorize.color;

/**
 * Carries each local hint over the region it belongs to, after the network: the network's ab is
 * brought to the network size, and at each pixel q the hints' corrections (hint ab − predicted ab at
 * the hint) are added, weighted by exp(−(d/σ)²) with d the geodesic distance from the hint on
 * the lightness (each step costs its length × (1 + {@value #EDGE_COST}·|ΔL|), so a color stops at
 * an edge), normalized where several hints overlap (the classic propagation of scribbles by
 * lightness affinity, Levin et al. 2004, in its simplest form). Where no hint is near, the network's
 * colors stay as they are. σ = {@value #SIGMA_FRACTION} of the network side and the edge cost were
 * chosen on 4 training-corpus photos with 5 hints taken from their truth (σ 0.1, 0.3, 0.4, 0.5, 1.0
 * × edge cost 0.1-1.0; PSNR +0.2 dB at 0.1/1.0, +1.15 dB at 0.4/0.4 with the best SSIM of the
 * wide settings), never on an evaluation image. The network takes the hints too ({@code
 * nn.HintInputs}); in a short warm-started training it learned little from them, so this carries them.
 */
public final class HintPropagation {
    /** σ of the spatial falloff as a fraction of the network side (51 px at 128²). */
    public static final double SIGMA_FRACTION = 0.4;
    /** Extra geodesic length per unit of |ΔL| (L in 0..100): an edge of ΔL 50 counts as 20 more pixels. */
    public static final double EDGE_COST = 0.4;
    private static final double DIAGONAL = Math.sqrt(2);

    private HintPropagation() {
    }

    /**
     * @param ab     the network's ab, interleaved, {@code grid × grid}
     * @param l      L at the network size, {@code size × size}
     * @param hintX  hints' network columns
     * @param hintY  hints' network rows
     * @param hintAb hints' ab (Lab units), interleaved
     * @return ab at {@code size × size}, interleaved
     */
    public static float[] apply(float[] ab, int grid, float[] l, int size, int[] hintX, int[] hintY, float[] hintAb) {
        float[] up = upsample(ab, grid, size);
        int n = hintX.length;
        if (n == 0) return up;
        double sigma = SIGMA_FRACTION * size;
        double[] sumW = new double[size * size];
        double[] sumA = new double[size * size];
        double[] sumB = new double[size * size];
        double[] d = new double[size * size];
        for (int i = 0; i < n; i++) {
            int p0 = hintY[i] * size + hintX[i];
            double ra = hintAb[2 * i] - up[2 * p0];
            double rb = hintAb[2 * i + 1] - up[2 * p0 + 1];
            geodesic(l, size, p0, d);
            for (int q = 0; q < d.length; q++) {
                double t = d[q] / sigma;
                if (t > 4) continue;
                double w = Math.exp(-t * t);
                sumW[q] += w;
                sumA[q] += w * ra;
                sumB[q] += w * rb;
            }
        }
        for (int q = 0; q < sumW.length; q++) {
            if (sumW[q] == 0) continue;
            double norm = Math.max(1, sumW[q]);
            up[2 * q] += (float) (sumA[q] / norm);
            up[2 * q + 1] += (float) (sumB[q] / norm);
        }
        return up;
    }

    /** Geodesic distances from {@code p0} (raster-scan chamfer passes, 8 neighbours). */
    static void geodesic(float[] l, int size, int p0, double[] d) {
        java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
        d[p0] = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    relax(l, size, d, x, y, -1, 0);
                    relax(l, size, d, x, y, -1, -1);
                    relax(l, size, d, x, y, 0, -1);
                    relax(l, size, d, x, y, 1, -1);
                }
            }
            for (int y = size - 1; y >= 0; y--) {
                for (int x = size - 1; x >= 0; x--) {
                    relax(l, size, d, x, y, 1, 0);
                    relax(l, size, d, x, y, 1, 1);
                    relax(l, size, d, x, y, 0, 1);
                    relax(l, size, d, x, y, -1, 1);
                }
            }
        }
    }

    private static void relax(float[] l, int size, double[] d, int x, int y, int dx, int dy) {
        int nx = x + dx;
        int ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= size || ny >= size) return;
        int q = y * size + x;
        int n = ny * size + nx;
        if (d[n] == Double.POSITIVE_INFINITY) return;
        double step = (dx != 0 && dy != 0 ? DIAGONAL : 1) + EDGE_COST * Math.abs(l[q] - l[n]);
        if (d[n] + step < d[q]) d[q] = d[n] + step;
    }

    /** Bilinear upsampling of an interleaved ab grid to {@code size} (pixel centers aligned). */
    static float[] upsample(float[] ab, int grid, int size) {
        if (grid == size) return ab.clone();
        float[] out = new float[size * size * 2];
        double s = (double) grid / size;
        for (int y = 0; y < size; y++) {
            double sy = Math.max(0, Math.min(grid - 1, (y + 0.5) * s - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(grid - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < size; x++) {
                double sx = Math.max(0, Math.min(grid - 1, (x + 0.5) * s - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(grid - 1, x0 + 1);
                double fx = sx - x0;
                for (int c = 0; c < 2; c++) {
                    double v = (1 - fy) * ((1 - fx) * ab[2 * (y0 * grid + x0) + c] + fx * ab[2 * (y0 * grid + x1) + c])
                            + fy * ((1 - fx) * ab[2 * (y1 * grid + x0) + c] + fx * ab[2 * (y1 * grid + x1) + c]);
                    out[2 * (y * size + x) + c] = (float) v;
                }
            }
        }
        return out;
    }
}
