package org.colorize.model;

import org.colorize.color.AbGamut;

/**
 * A named output of a component's signature and what its channels mean. Distribution outputs
 * ({@code ab_bins_*}) are over a named ab bin set and are decoded at {@code temperature}; for the
 * others {@code bins} is null and the temperature is unused.
 *
 * @param bins   the bin set's name ({@link AbGamut#named(String)}), or null
 * @param stride the output's pixel stride relative to the input (4: a quarter of its width), 0 when
 *               the output is not a map or the card does not say
 */
public record SignatureOutput(String name, OutputEncoding encoding, String bins, double temperature, int stride,
                              TensorSpec tensor) {

    /** An output with no tensor facts beyond its encoding (a colorizer's chroma). */
    public SignatureOutput(String name, OutputEncoding encoding, String bins, double temperature) {
        this(name, encoding, bins, temperature, 0, TensorSpec.UNSTATED);
    }

    /** The ab bins of a distribution output, or null for other outputs. */
    public AbGamut gamut() {
        return bins == null ? null : AbGamut.named(bins);
    }

    /**
     * The channel count the output tensor must have: fixed by a chroma encoding, else the last
     * dimension of the stated shape.
     *
     * @throws IllegalStateException for an output that is not chroma and whose card states no channel count
     */
    public int channels() {
        if (encoding.isChroma()) return encoding.channels(gamut());
        if (tensor.channels() > 0) return Math.toIntExact(tensor.channels());
        throw new IllegalStateException("output '" + name + "' (" + encoding.key() + ") states no channel count");
    }
}
