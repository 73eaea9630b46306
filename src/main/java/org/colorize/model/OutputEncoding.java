package org.colorize.model;

import org.colorize.EnumKeys;

/** What a colorization network's output tensor holds (the last axis of an NHWC tensor). */
public enum OutputEncoding {
    /** Two channels, a and b in CIE Lab units. */
    AB(2),
    /** Two channels, a/110 and b/110 (InstColorization's and Zhang's regression scale). */
    AB_OVER_110(2),
    /** Q unnormalized scores over Zhang's in-gamut ab bins, decoded by annealed mean. */
    AB_BINS_LOGITS(-1),
    /** Q probabilities over Zhang's in-gamut ab bins, decoded by annealed mean. */
    AB_BINS_PROBABILITIES(-1);

    private final int channels;

    OutputEncoding(int channels) {
        this.channels = channels;
    }

    /** Channel count, or -1 when it is the number of ab bins. */
    public int channels() {
        return channels;
    }

    public boolean isDistribution() {
        return channels < 0;
    }

    public String key() {
        return EnumKeys.key(this);
    }

    public static OutputEncoding parse(String key) {
        return EnumKeys.parse(OutputEncoding.class, "output encoding", key);
    }
}
