package org.colorize.train;

import java.util.Map;

/**
 * Extra network inputs a recipe computes for each crop of a batch (today the detector's features,
 * {@link SemanticFeatureCache}), on the grids of a network of input side S. Called from the
 * batch-making thread; must be a pure function of the image and the crop, so batches stay a pure
 * function of (seed, step).
 */
public interface CropFeatures {
    /** Zeroed arrays, by input name, for {@code count} crops of side {@code size}. */
    Map<String, float[]> allocate(int count, int size);

    /**
     * Writes the inputs of crop {@code i}, the square {@code [x0, x0 + side)²} of {@code image}
     * (mirrored left-right when {@code mirror}), into {@code into}.
     */
    void fill(RgbImage image, int x0, int y0, int side, boolean mirror, int size, Map<String, float[]> into, int i);

    /**
     * Writes inputs of training crop {@code i} that come from its truth (simulated user hints):
     * {@code ab} is the crop's CIE ab at S×S (Lab units, interleaved), {@code seed} a number
     * that is a pure function of (run seed, step, i). Validation crops never get this call, so
     * validation measures the network without hints. Default: nothing.
     */
    default void fillFromTruth(float[] ab, int size, long seed, Map<String, float[]> into, int i) {
    }
}
