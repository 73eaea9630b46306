package org.colorize.image;

import org.colorize.ColorizeCanceledException;
import org.colorize.runtime.Workers;

/** The small L image the network sees: the full-resolution L resampled to size × size. */
public final class NetworkInput {
    private static final int ROWS_PER_TASK = 64;

    private NetworkInput() {
    }

    /**
     * Resamples a plane's L to {@code size × size} (area averaging when shrinking), reading the
     * source one row at a time, on the given workers, so a 50-MP plane never exists as floats.
     *
     * @return row-major L values, {@code size × size}
     */
    public static float[] lightness(LightnessPlane plane, int size, Workers workers) throws ColorizeCanceledException {
        int width = plane.width();
        int height = plane.height();
        Resampling horizontal = Resampling.of(width, size);
        float[] rows = new float[height * size];
        workers.forRows(height, ROWS_PER_TASK, (from, to) -> {
            float[] full = new float[width];
            float[] small = new float[size];
            for (int y = from; y < to; y++) {
                plane.lightnessRow(y, full);
                horizontal.apply(full, small);
                System.arraycopy(small, 0, rows, y * size, size);
            }
        });
        return vertical(rows, height, size);
    }

    /** Resamples a square plane (side {@code from}) to side {@code to}, on the calling thread. */
    public static float[] resample(float[] square, int from, int to) {
        Resampling horizontal = Resampling.of(from, to);
        float[] rows = new float[from * to];
        float[] full = new float[from];
        float[] small = new float[to];
        for (int y = 0; y < from; y++) {
            System.arraycopy(square, y * from, full, 0, from);
            horizontal.apply(full, small);
            System.arraycopy(small, 0, rows, y * to, to);
        }
        return vertical(rows, from, to);
    }

    private static float[] vertical(float[] rows, int height, int size) {
        Resampling vertical = Resampling.of(height, size);
        float[] out = new float[size * size];
        for (int t = 0; t < size; t++) {
            float[] w = vertical.weights[t];
            int s = vertical.first[t];
            for (int k = 0; k < w.length; k++) {
                float weight = w[k];
                int src = (s + k) * size;
                int dst = t * size;
                for (int x = 0; x < size; x++) out[dst + x] += weight * rows[src + x];
            }
        }
        return out;
    }
}
