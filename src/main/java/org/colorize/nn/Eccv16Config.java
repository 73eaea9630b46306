package org.colorize.nn;

/**
 * The variable part of the ECCV16 network: its width.
 *
 * @param width channel multiplier; 1.0 gives the published 64/128/256/512 widths
 */
public record Eccv16Config(double width) {
    /** Q: Zhang et al. 2016's 313 ab bins, the classifier's output. */
    public static final int CLASSES = 313;

    public Eccv16Config {
        if (!(width > 0)) throw new IllegalArgumentException("invalid ECCV16 width " + width);
    }

    /** {@code published} channels scaled by the width, at least 1 (as {@link Siggraph17Config#channels}). */
    public int channels(int published) {
        return Math.max(1, (int) Math.round(published * width));
    }
}
