package org.colorize.image;

/**
 * One axis of a resampling: for each target index, the first source index and the weights of the
 * source samples it reads. Shrinking averages exact pixel areas (fractional at the ends, like
 * OpenCV's INTER_AREA); enlarging interpolates linearly between pixel centers. The project's one
 * area resampler: the network input, training crops and the corpus tool read their weights here
 * and differ only in what they average (L, encoded RGB, linear light with alpha).
 */
public final class Resampling {
    final int[] first;
    final float[][] weights;

    private Resampling(int[] first, float[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    /** The axis from {@code source} to {@code target} samples (both at least 1). */
    public static Resampling of(int source, int target) {
        return source >= target ? area(source, target) : linear(source, target);
    }

    private static Resampling area(int source, int target) {
        int[] first = new int[target];
        float[][] weights = new float[target][];
        double scale = source / (double) target;
        for (int t = 0; t < target; t++) {
            double from = t * scale;
            double to = (t + 1) * scale;
            int start = (int) Math.floor(from);
            int end = Math.min(source, (int) Math.ceil(to));
            float[] w = new float[end - start];
            for (int s = start; s < end; s++) {
                double overlap = Math.min(to, s + 1) - Math.max(from, s);
                w[s - start] = (float) (overlap / scale);
            }
            first[t] = start;
            weights[t] = w;
        }
        return new Resampling(first, weights);
    }

    private static Resampling linear(int source, int target) {
        int[] first = new int[target];
        float[][] weights = new float[target][];
        double scale = source / (double) target;
        for (int t = 0; t < target; t++) {
            double s = Math.max(0, Math.min(source - 1, (t + 0.5) * scale - 0.5));
            int s0 = (int) Math.floor(s);
            if (s0 >= source - 1) {
                first[t] = source - 1;
                weights[t] = new float[] {1f};
            } else {
                float f = (float) (s - s0);
                first[t] = s0;
                weights[t] = new float[] {1f - f, f};
            }
        }
        return new Resampling(first, weights);
    }

    /** Number of target samples. */
    public int targetSize() {
        return first.length;
    }

    /** The first source index target sample {@code t} reads. */
    public int first(int t) {
        return first[t];
    }

    /** The weights of the source samples {@code first(t), first(t) + 1, …}; do not modify. */
    public float[] weights(int t) {
        return weights[t];
    }

    /** Resamples one row: {@code out[t] = Σ w · in[first + k]}. */
    void apply(float[] in, float[] out) {
        for (int t = 0; t < first.length; t++) {
            float[] w = weights[t];
            int s = first[t];
            float sum = 0f;
            for (int k = 0; k < w.length; k++) sum += w[k] * in[s + k];
            out[t] = sum;
        }
    }
}
