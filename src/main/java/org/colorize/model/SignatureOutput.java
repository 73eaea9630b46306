package org.colorize.model;

import org.colorize.color.AbGamut;

/**
 * A named output of a component's signature and what its channels mean. Distribution outputs
 * ({@code ab_bins_*}) are over a named ab bin set and are decoded at {@code temperature}; for the
 * others {@code bins} is null and the temperature is unused.
 *
 * @param bins the bin set's name ({@link AbGamut#named(String)}), or null
 */
public record SignatureOutput(String name, OutputEncoding encoding, String bins, double temperature) {

    /** The ab bins of a distribution output, or null for ab outputs. */
    public AbGamut gamut() {
        return bins == null ? null : AbGamut.named(bins);
    }

    /** The channel count the output tensor must have. */
    public int channels() {
        return encoding.channels(gamut());
    }
}
