package org.colorize.train;

/**
 * One batch, NHWC, row-major float arrays ready to become tensors.
 *
 * @param step     the 0-based step this batch is for (-1 for validation batches)
 * @param count    images in the batch, B
 * @param size     crop side S
 * @param l        [B, S, S, 1] lightness L in 0…100
 * @param ab       [B, S, S, 2] ab / {@code Siggraph17Net.AB_SCALE} (regression target)
 * @param soft     [B, S/4, S/4, Q] soft-encoded ab distribution (classes head), else null
 * @param weights  [B, S/4, S/4] class-rebalancing weight per target pixel (classes head), else null
 * @param truth    [B·S·S] packed 8-bit sRGB of the crops (validation batches), else null
 * @param features extra network inputs by name ({@link CropFeatures}: detector features of each
 *                 crop on the network's grids), empty when the recipe reads none
 */
public record Batch(long step, int count, int size, float[] l, float[] ab, float[] soft, float[] weights, int[] truth,
        java.util.Map<String, float[]> features) {
    public Batch {
        features = features == null ? java.util.Map.of() : java.util.Map.copyOf(features);
    }

    public Batch(long step, int count, int size, float[] l, float[] ab, float[] soft, float[] weights, int[] truth) {
        this(step, count, size, l, ab, soft, weights, truth, null);
    }

    /** Side of the classes head's grid: S/4. */
    public int gridSize() {
        return size / BatchMaker.CLASS_STRIDE;
    }
}
