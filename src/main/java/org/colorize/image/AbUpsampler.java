package org.colorize.image;

/**
 * Produces full-resolution ab rows from the network-size ab field. Thread-safe: rows can be
 * asked for from several threads at once.
 */
public abstract class AbUpsampler {
    /** Guided filter window radius at network size and its regularization (L scaled to 0..1). */
    static final int GUIDED_RADIUS = 2;
    static final float GUIDED_EPSILON = 1e-3f;

    final int n;
    final PlaneInterpolator interpolator;

    AbUpsampler(int n, int width, int height) {
        this.n = n;
        this.interpolator = new PlaneInterpolator(n, width, height);
    }

    /**
     * @param ab        interleaved a, b at network size (n × n × 2)
     * @param lightness the L the network saw (n × n), the guide at low resolution
     */
    public static AbUpsampler create(Upsampling kind, float[] ab, float[] lightness, int n, int width, int height) {
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = ab[2 * i];
            b[i] = ab[2 * i + 1];
        }
        return kind == Upsampling.GUIDED
                ? new Guided(a, b, lightness, n, width, height)
                : new Bilinear(a, b, n, width, height);
    }

    /** Writes the ab of full-resolution row y, given that row's L. */
    public abstract void row(int y, float[] lightnessRow, float[] aOut, float[] bOut);

    private static final class Bilinear extends AbUpsampler {
        private final float[] a;
        private final float[] b;

        Bilinear(float[] a, float[] b, int n, int width, int height) {
            super(n, width, height);
            this.a = a;
            this.b = b;
        }

        @Override
        public void row(int y, float[] lightnessRow, float[] aOut, float[] bOut) {
            float[] scratch = new float[n];
            interpolator.row(a, y, scratch, aOut);
            interpolator.row(b, y, scratch, bOut);
        }
    }

    private static final class Guided extends AbUpsampler {
        private final float[] slopeA;
        private final float[] offsetA;
        private final float[] slopeB;
        private final float[] offsetB;

        Guided(float[] a, float[] b, float[] lightness, int n, int width, int height) {
            super(n, width, height);
            float[] guide = new float[n * n];
            for (int i = 0; i < guide.length; i++) guide[i] = lightness[i] / 100f;
            float[] meanI = BoxFilter.mean(guide, n, GUIDED_RADIUS);
            float[] varI = BoxFilter.mean(product(guide, guide), n, GUIDED_RADIUS);
            for (int i = 0; i < varI.length; i++) varI[i] -= meanI[i] * meanI[i];
            float[][] coefA = coefficients(guide, a, meanI, varI, n);
            float[][] coefB = coefficients(guide, b, meanI, varI, n);
            slopeA = coefA[0];
            offsetA = coefA[1];
            slopeB = coefB[0];
            offsetB = coefB[1];
        }

        private static float[][] coefficients(float[] guide, float[] p, float[] meanI, float[] varI, int n) {
            float[] meanP = BoxFilter.mean(p, n, GUIDED_RADIUS);
            float[] corr = BoxFilter.mean(product(guide, p), n, GUIDED_RADIUS);
            float[] slope = new float[p.length];
            float[] offset = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                slope[i] = (corr[i] - meanI[i] * meanP[i]) / (varI[i] + GUIDED_EPSILON);
                offset[i] = meanP[i] - slope[i] * meanI[i];
            }
            return new float[][] {BoxFilter.mean(slope, n, GUIDED_RADIUS), BoxFilter.mean(offset, n, GUIDED_RADIUS)};
        }

        private static float[] product(float[] x, float[] y) {
            float[] out = new float[x.length];
            for (int i = 0; i < out.length; i++) out[i] = x[i] * y[i];
            return out;
        }

        @Override
        public void row(int y, float[] lightnessRow, float[] aOut, float[] bOut) {
            int width = aOut.length;
            float[] scratch = new float[n];
            float[] slope = new float[width];
            interpolator.row(slopeA, y, scratch, slope);
            interpolator.row(offsetA, y, scratch, aOut);
            for (int x = 0; x < width; x++) aOut[x] += slope[x] * lightnessRow[x] / 100f;
            interpolator.row(slopeB, y, scratch, slope);
            interpolator.row(offsetB, y, scratch, bOut);
            for (int x = 0; x < width; x++) bOut[x] += slope[x] * lightnessRow[x] / 100f;
        }
    }
}
