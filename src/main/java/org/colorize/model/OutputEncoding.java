package org.colorize.model;

import org.colorize.EnumKeys;
import org.colorize.color.AbGamut;

/**
 * What a colorization network's output tensor holds (the last axis of an NHWC tensor). The
 * distribution encodings are over an ab bin set the card names ({@link SignatureOutput#bins()}).
 */
public enum OutputEncoding {
    /** Two channels, a and b in CIE Lab units. */
    AB(false),
    /** Two channels, a/110 and b/110 (InstColorization's and Zhang's regression scale). */
    AB_OVER_110(false),
    /** Q unnormalized scores over the card's ab bins, decoded by annealed mean. */
    AB_BINS_LOGITS(true),
    /** Q probabilities over the card's ab bins, decoded by annealed mean. */
    AB_BINS_PROBABILITIES(true),
    /** Feature maps (a detector component's taps), no colors: never a colorizer's output. */
    FEATURES(false);

    private static final int AB_CHANNELS = 2;

    private final boolean distribution;

    OutputEncoding(boolean distribution) {
        this.distribution = distribution;
    }

    /** Channel count: 2 for a and b, the number of bins for a distribution over {@code bins}. */
    public int channels(AbGamut bins) {
        if (this == FEATURES) throw new IllegalStateException("feature maps are not a colorization output");
        if (!distribution) return AB_CHANNELS;
        if (bins == null) throw new IllegalArgumentException(key() + " needs an ab bin set");
        return bins.size();
    }

    public boolean isDistribution() {
        return distribution;
    }

    public String key() {
        return EnumKeys.key(this);
    }

    public static OutputEncoding parse(String key) {
        return EnumKeys.parse(OutputEncoding.class, "output encoding", key);
    }
}
