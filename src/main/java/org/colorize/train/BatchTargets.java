package org.colorize.train;

import org.colorize.color.AbGamut;

/**
 * What a recipe's losses need in a batch besides L and normalized ab: with {@code rebalancing}, Zhang's
 * soft-encoded bin distributions at the classes grid and a class-rebalancing weight per cell.
 *
 * @param rebalancing per-bin weights over {@link AbGamut#zhang()}, or null for ab only
 */
public record BatchTargets(float[] rebalancing) {
    /** L and normalized ab only. */
    public static final BatchTargets AB_ONLY = new BatchTargets(null);

    public BatchTargets {
        if (rebalancing != null && rebalancing.length != AbGamut.zhang().size()) {
            throw new IllegalArgumentException("soft bin targets need " + AbGamut.zhang().size() + " rebalancing weights");
        }
    }

    /** Soft bin targets over Zhang's bins with these weights. */
    public static BatchTargets softBins(float[] rebalancing) {
        if (rebalancing == null) throw new IllegalArgumentException("no rebalancing weights");
        return new BatchTargets(rebalancing);
    }

    public boolean hasSoftBins() {
        return rebalancing != null;
    }
}
