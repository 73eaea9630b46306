package org.colorize.train;

/**
 * Which stage of InstColorization's training may see a picture of the corpus. The fusion learns
 * how far to trust the instance net inside a box; trained on the nets' own pictures, it learns how
 * good that net is on pictures it knows, not on new ones. So scenes and cut-outs are split by
 * content ({@link ContentSplit}: look-alikes share a side) into pictures for the two nets,
 * pictures for the fusion, and held-out pictures that choose each stage's weights (early
 * stopping) and score the fusion against the full-image net alone.
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
