package org.colorize.color;

/**
 * How networks see chroma: ab / {@link #SCALE}, so that a tanh output in [−1, 1] covers the ab
 * range of sRGB colors (Zhang et al. and InstColorization both divide by 110).
 */
public final class AbNormalization {
    /** ab units per normalized unit. */
    public static final double SCALE = 110;

    private AbNormalization() {
    }
}
