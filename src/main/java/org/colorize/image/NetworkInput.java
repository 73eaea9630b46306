package org.colorize.image;

import java.util.stream.IntStream;

/** The small L image the network sees: the full-resolution L resampled to size × size. */
public final class NetworkInput {
    private static final int ROWS_PER_TASK = 64;

    private NetworkInput() {
    }

    /**
     * Resamples a plane's L to {@code size × size} (area averaging when shrinking), reading the
     * source one row at a time so a 50-MP plane never exists as floats.
     *
     * @return row-major L values, {@code size × size}
     */
    public static float[] lightness(LightnessPlane plane, int size) {
        return resample(plane, size);
    }

    /** Resamples a square plane (side {@code from}) to side {@code to}. */
    public static float[] resample(float[] square, int from, int to) {
        LightnessPlane plane = new LightnessPlane() {
            @Override
            public int width() {
                return from;
            }

            @Override
            public int height() {
                return from;
            }

            @Override
            public void lightnessRow(int y, float[] out) {
                System.arraycopy(square, y * from, out, 0, from);
            }
        };
        return resample(plane, to);
    }

    private static float[] resample(LightnessPlane plane, int size) {
        int width = plane.width();
        int height = plane.height();
        Resampling horizontal = Resampling.of(width, size);
        float[] rows = new float[height * size];
        int tasks = (height + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            float[] full = new float[width];
            float[] small = new float[size];
            int end = Math.min(height, (task + 1) * ROWS_PER_TASK);
            for (int y = task * ROWS_PER_TASK; y < end; y++) {
                plane.lightnessRow(y, full);
                horizontal.apply(full, small);
                System.arraycopy(small, 0, rows, y * size, size);
            }
        });
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
