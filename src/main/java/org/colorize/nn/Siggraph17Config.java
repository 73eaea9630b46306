package org.colorize.nn;

/**
 * The variable parts of the SIGGRAPH17 network.
 *
 * @param width channel multiplier; 1.0 gives the published 64/128/256/512 widths
 * @param inputChannels channels of the input: 1 (L only), 4 (L, hint a, hint b, hint mask), more
 *     with noise channels. Channel 0 is L in 0…100; the others are fed already normalized
 * @param regression build the regression head (ab via tanh × 110) and the decoder it needs
 * @param classes Q, the number of ab bins of the distribution head; 0 for none
 */
public record Siggraph17Config(double width, int inputChannels, boolean regression, int classes) {

    /** Zhang et al. 2017's class count: the 23 × 23 grid of ab bins of size 10. */
    public static final int SIGGRAPH17_CLASSES = 529;

    public Siggraph17Config {
        if (!(width > 0) || inputChannels < 1 || classes < 0 || (!regression && classes == 0)) {
            throw new IllegalArgumentException("invalid SIGGRAPH17 config: width " + width + ", input channels "
                    + inputChannels + ", regression " + regression + ", classes " + classes);
        }
    }

    /** Regression head only. */
    public static Siggraph17Config regression(double width, int inputChannels) {
        return new Siggraph17Config(width, inputChannels, true, 0);
    }

    /** Distribution head over {@code classes} ab bins only (the decoder after conv8 is not built). */
    public static Siggraph17Config distribution(double width, int inputChannels, int classes) {
        return new Siggraph17Config(width, inputChannels, false, classes);
    }

    /** Both heads, as in the published model. */
    public static Siggraph17Config both(double width, int inputChannels, int classes) {
        return new Siggraph17Config(width, inputChannels, true, classes);
    }

    /** {@code published} channels scaled by the width, at least 1. */
    public int channels(int published) {
        return Math.max(1, (int) Math.round(published * width));
    }
}
