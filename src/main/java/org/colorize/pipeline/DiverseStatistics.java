package org.colorize.pipeline;

import java.util.List;

/** What a set of ab fields of the same image says about its colors: spread per pixel, distance between samples. */
public final class DiverseStatistics {
    private DiverseStatistics() {}

    /**
     * Per pixel √(mean_i |ab_i − mean ab|²) over interleaved ab fields of the same size (the
     * standard deviation of the ab vector); 0 for a single sample.
     */
    public static float[] spread(List<float[]> ab) {
        int n = ab.get(0).length / 2;
        float[] out = new float[n];
        int k = ab.size();
        for (int p = 0; p < n; p++) {
            double ma = 0;
            double mb = 0;
            for (float[] f : ab) {
                ma += f[2 * p];
                mb += f[2 * p + 1];
            }
            ma /= k;
            mb /= k;
            double s = 0;
            for (float[] f : ab) {
                double da = f[2 * p] - ma;
                double db = f[2 * p + 1] - mb;
                s += da * da + db * db;
            }
            out[p] = (float) Math.sqrt(s / k);
        }
        return out;
    }

    /** Mean over pairs i &lt; j of the mean per-pixel |ab_i − ab_j|; NaN for fewer than two fields. */
    public static double meanPairwiseDistance(List<float[]> ab) {
        if (ab.size() < 2) return Double.NaN;
        double total = 0;
        int pairs = 0;
        for (int i = 0; i < ab.size(); i++) {
            for (int j = i + 1; j < ab.size(); j++) {
                float[] x = ab.get(i);
                float[] y = ab.get(j);
                double s = 0;
                for (int p = 0; p < x.length; p += 2) {
                    double da = x[p] - y[p];
                    double db = x[p + 1] - y[p + 1];
                    s += Math.sqrt(da * da + db * db);
                }
                total += s / (x.length / 2);
                pairs++;
            }
        }
        return total / pairs;
    }
}
