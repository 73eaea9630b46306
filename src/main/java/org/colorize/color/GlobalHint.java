package org.colorize.color;

/**
 * The global color hint of SIGGRAPH17 (Zhang et al. 2017, global hints network): a reference's ab
 * distribution over Zhang's 313 in-gamut bins (nearest bin per pixel, normalized to sum 1), its
 * saturation, and a flag saying that a global hint is given. "No global hint" is all zeros. The
 * reference's layout is not kept, only its palette.
 *
 * <p>Saturation here is the mean CIE chroma √(a² + b²) of the reference divided by
 * {@value #CHROMA_SCALE} and clipped to 1 (Zhang use HSV saturation; chroma is what the ab field
 * holds, so truth, crop and reference all give it the same way).
 */
public final class GlobalHint {
    /** Histogram bins (Zhang's in-gamut ab bins). */
    public static final int BINS = 313;
    /** Entries of the hint vector: histogram, saturation, flag. */
    public static final int CHANNELS = BINS + 2;
    /** Chroma that maps to saturation 1. */
    public static final double CHROMA_SCALE = 100;

    private final AbGamut gamut = AbGamut.zhang();
    private final double[] counts = new double[BINS];
    private double chroma;
    private long pixels;

    public GlobalHint() {
        if (gamut.size() != BINS) throw new IllegalStateException("Zhang's gamut has " + gamut.size() + " bins, expected " + BINS);
    }

    /** The vector meaning "no global hint". */
    public static float[] none() {
        return new float[CHANNELS];
    }

    /** The hint of interleaved ab values (Lab units), pixel count = ab.length / 2. */
    public static float[] of(float[] ab) {
        GlobalHint h = new GlobalHint();
        for (int p = 0; p + 1 < ab.length; p += 2) h.add(ab[p], ab[p + 1]);
        return h.vector();
    }

    /** Adds one pixel's ab. */
    public void add(float a, float b) {
        counts[gamut.nearest(a, b)]++;
        chroma += Math.sqrt((double) a * a + (double) b * b);
        pixels++;
    }

    public long pixels() {
        return pixels;
    }

    /** Histogram (sum 1), saturation, flag 1; "none" when no pixel was added. */
    public float[] vector() {
        float[] v = new float[CHANNELS];
        if (pixels == 0) return v;
        for (int k = 0; k < BINS; k++) v[k] = (float) (counts[k] / pixels);
        v[BINS] = (float) Math.min(1, chroma / pixels / CHROMA_SCALE);
        v[BINS + 1] = 1;
        return v;
    }
}
