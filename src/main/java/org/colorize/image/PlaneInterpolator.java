package org.colorize.image;

/**
 * Bilinear interpolation of small square planes (network size n) onto the rows of a large
 * width × height grid, pixel centers aligned. Column indices and weights are computed once.
 */
final class PlaneInterpolator {
    private final int n;
    private final int height;
    private final int[] x0;
    private final float[] wx;

    PlaneInterpolator(int n, int width, int height) {
        this.n = n;
        this.height = height;
        this.x0 = new int[width];
        this.wx = new float[width];
        for (int x = 0; x < width; x++) {
            double s = clamp((x + 0.5) * n / width - 0.5, n);
            int i = Math.min((int) Math.floor(s), n - 2 < 0 ? 0 : n - 2);
            x0[x] = i;
            wx[x] = n == 1 ? 0f : (float) (s - i);
        }
    }

    /** Interpolates {@code plane} at full-resolution row y into {@code out[0 .. width)}. */
    void row(float[] plane, int y, float[] scratch, float[] out) {
        double s = clamp((y + 0.5) * n / height - 0.5, n);
        int y0 = Math.min((int) Math.floor(s), Math.max(0, n - 2));
        float fy = n == 1 ? 0f : (float) (s - y0);
        int r0 = y0 * n;
        int r1 = Math.min(y0 + 1, n - 1) * n;
        for (int x = 0; x < n; x++) scratch[x] = plane[r0 + x] + fy * (plane[r1 + x] - plane[r0 + x]);
        int last = n - 1;
        for (int x = 0; x < out.length; x++) {
            int i = x0[x];
            float v0 = scratch[i];
            float v1 = scratch[Math.min(i + 1, last)];
            out[x] = v0 + wx[x] * (v1 - v0);
        }
    }

    private static double clamp(double s, int n) {
        return Math.max(0, Math.min(n - 1, s));
    }
}
