package org.colorize.train;

import java.util.Locale;

/** What the network predicts and how it is trained. */
public enum Head {
    /** ab via tanh × 110, smooth-L1 loss on ab/110 with InstColorization's δ = 1/110. */
    REGRESSION,
    /**
     * Logits over Zhang's 313 in-gamut ab bins at 1/4 of the input size, class-rebalanced cross
     * entropy against soft-encoded targets; decoded by annealed mean (T = 0.38).
     */
    CLASSES;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Head parse(String key) {
        for (Head h : values()) {
            if (h.key().equalsIgnoreCase(key.trim())) return h;
        }
        throw new IllegalArgumentException("head must be regression or classes, was '" + key + "'");
    }
}
