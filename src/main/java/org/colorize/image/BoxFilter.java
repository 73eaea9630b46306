package org.colorize.image;

/** Mean over a (2r+1)² window of a square plane, the window clipped at the borders. */
final class BoxFilter {
    private BoxFilter() {
    }

    static float[] mean(float[] plane, int n, int radius) {
        float[] horizontal = new float[plane.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int from = Math.max(0, x - radius);
                int to = Math.min(n - 1, x + radius);
                float sum = 0f;
                for (int k = from; k <= to; k++) sum += plane[y * n + k];
                horizontal[y * n + x] = sum / (to - from + 1);
            }
        }
        float[] out = new float[plane.length];
        for (int y = 0; y < n; y++) {
            int from = Math.max(0, y - radius);
            int to = Math.min(n - 1, y + radius);
            for (int x = 0; x < n; x++) {
                float sum = 0f;
                for (int k = from; k <= to; k++) sum += horizontal[k * n + x];
                out[y * n + x] = sum / (to - from + 1);
            }
        }
        return out;
    }
}
