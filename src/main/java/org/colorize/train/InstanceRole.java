package org.colorize.train;

/**
 * Which stage of InstColorization's training may see a picture of the corpus. The fusion learns
 * how far to trust the instance net inside a box; shown the nets' own training pictures, it sees
 * an instance net that knows their colors and learns to trust it everywhere, and then
 * oversaturates new photos (chelsea's cat at 17.6 dB against the full-image net's 24.4 in the
 * lean run of 2026-12-02). So scenes and cut-outs are split by content ({@link ContentSplit}:
 * look-alikes share a side) into pictures for the two nets, pictures for the fusion, and held-out
 * pictures that choose the fusion's weights and score it against the full-image net.
 */
enum InstanceRole {
    NETS(0.5),
    FUSION(0.3),
    HELD_OUT(0.2);

    private final double fraction;

    InstanceRole(double fraction) {
        this.fraction = fraction;
    }

    /** The share of the corpus's pictures in this role. */
    double fraction() {
        return fraction;
    }

    /** The role of a picture whose (group's) split key in [0, 1) is {@code key}. */
    static InstanceRole of(double key) {
        double end = 0;
        for (InstanceRole r : values()) {
            end += r.fraction;
            if (key < end) return r;
        }
        return HELD_OUT;
    }
}
