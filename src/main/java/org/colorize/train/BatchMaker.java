package org.colorize.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.colorize.color.AbGamut;
import org.colorize.color.Lab;
import org.colorize.color.SoftEncoding;
import org.colorize.nn.Siggraph17Net;

/**
 * Makes the batches of a run from the in-memory images. Batch {@code k} is a pure function of
 * (seed, k, images): images are drawn epoch by epoch in a seeded permutation, each with its own
 * seeded crop, so a resumed run sees exactly the batches an uninterrupted run would have seen and
 * batches can be made on any thread in any order.
 *
 * <p>Augmentation: a square crop whose side is a uniform random fraction 0.5…1.0 of the image's short
 * side, at a uniform random position, mirrored left-right with probability ½, area-resampled to S×S.
 * Encoding: sRGB → CIE Lab ({@link Lab}); L as is (the network normalizes it), normalized ab for
 * regression (ab / {@link Siggraph17Net#AB_SCALE}); with soft bin targets ({@link BatchTargets}) the ab distribution of each 4×4 block (the head's grid) as the
 * mean of the 16 pixels' soft encodings (Zhang: 5 nearest of the 313 bins, σ = 5), weighted by the
 * class-rebalancing weight of its most likely bin.
 *
 * <p>Validation batches are center crops: the central square of side = short side, resampled to
 * S×S, with the 8-bit truth kept for PSNR.
 */
public final class BatchMaker {
    /** Smallest crop as a fraction of the short side. */
    public static final double MIN_CROP = 0.5;
    /** The classes head predicts on a grid this many times coarser than the input. */
    public static final int CLASS_STRIDE = 4;
    /** Separates the random stream of simulated hints from the crop's own (so hints do not change the crops). */
    private static final long HINT_STREAM = 0x48494E5453L;

    private final List<RgbImage> images;
    private final int size;
    private final int batch;
    private final BatchTargets targets;
    private final long seed;
    private final SoftEncoding encoding;
    private final CropFeatures features;
    private long cachedEpoch = -1;
    private int[] cachedPermutation;

    /** @param targets what the batches carry besides L and ab (the recipe's {@link TrainingRecipe#targets}) */
    public BatchMaker(List<RgbImage> images, int size, int batch, BatchTargets targets, long seed) {
        this(images, size, batch, targets, seed, null);
    }

    /** @param features the extra inputs of each crop (null: none) */
    public BatchMaker(List<RgbImage> images, int size, int batch, BatchTargets targets, long seed, CropFeatures features) {
        if (images.isEmpty()) throw new IllegalArgumentException("no images");
        this.features = features;
        this.images = List.copyOf(images);
        this.size = size;
        this.batch = batch;
        this.targets = targets;
        this.seed = seed;
        this.encoding = SoftEncoding.zhang(AbGamut.zhang());
    }

    /** The training batch for 0-based step {@code step}. */
    public Batch make(long step) {
        int n = images.size();
        Batch b = allocate(step, batch, false);
        for (int i = 0; i < batch; i++) {
            long g = step * batch + i;
            RgbImage im = images.get(permutation(g / n)[(int) (g % n)]);
            SplittableRandom r = new SplittableRandom(mix(seed, step, i));
            int shortSide = im.shortSide();
            int side = Math.max(1, (int) Math.round(shortSide * (MIN_CROP + (1 - MIN_CROP) * r.nextDouble())));
            int x0 = r.nextInt(im.width() - side + 1);
            int y0 = r.nextInt(im.height() - side + 1);
            boolean mirror = r.nextBoolean();
            float[] ab = encode(AreaResize.crop(im, x0, y0, side, side, size, size, mirror), b, i, false);
            if (features != null) {
                features.fill(im, x0, y0, side, mirror, size, b.features(), i);
                features.fillFromTruth(ab, size, mix(seed ^ HINT_STREAM, step, i), b.features(), i);
            }
        }
        return b;
    }

    /** Validation batches of the given images' center crops, {@code batchSize} images each (the last may be smaller). */
    public List<Batch> validation(List<RgbImage> val, int batchSize) {
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < val.size(); from += batchSize) {
            int count = Math.min(batchSize, val.size() - from);
            Batch b = allocate(-1, count, true);
            for (int i = 0; i < count; i++) {
                RgbImage im = val.get(from + i);
                int side = im.shortSide();
                float[] rgb = AreaResize.crop(im, (im.width() - side) / 2, (im.height() - side) / 2, side, side, size, size, false);
                for (int k = 0; k < rgb.length; k++) rgb[k] = Math.min(255, Math.max(0, Math.round(rgb[k])));
                encode(rgb, b, i, true);
                if (features != null) {
                    features.fill(im, (im.width() - side) / 2, (im.height() - side) / 2, side, false, size, b.features(), i);
                }
            }
            out.add(b);
        }
        return out;
    }

    private Batch allocate(long step, int count, boolean truth) {
        int px = size * size;
        int grid = size / CLASS_STRIDE;
        boolean classes = targets.hasSoftBins();
        int q = encoding.gamut().size();
        return new Batch(step, count, size, new float[count * px], new float[count * px * 2],
                classes ? new float[count * grid * grid * q] : null, classes ? new float[count * grid * grid] : null,
                truth ? new int[count * px] : null, features == null ? null : features.allocate(count, size));
    }

    /** Encodes the S×S RGB floats (0…255) of image {@code i} into the batch; returns its ab (Lab units, interleaved). */
    private float[] encode(float[] rgb, Batch b, int i, boolean truth) {
        int px = size * size;
        float[] abPlane = new float[px * 2];
        double[] lab = new double[3];
        int lBase = i * px;
        for (int p = 0; p < px; p++) {
            float r = rgb[3 * p];
            float g = rgb[3 * p + 1];
            float bl = rgb[3 * p + 2];
            Lab.fromSrgb(r / 255.0, g / 255.0, bl / 255.0, lab);
            b.l()[lBase + p] = (float) lab[0];
            abPlane[2 * p] = (float) lab[1];
            abPlane[2 * p + 1] = (float) lab[2];
            b.ab()[2 * (lBase + p)] = (float) (lab[1] / Siggraph17Net.AB_SCALE);
            b.ab()[2 * (lBase + p) + 1] = (float) (lab[2] / Siggraph17Net.AB_SCALE);
            if (truth) {
                b.truth()[lBase + p] = 0xff000000 | (int) r << 16 | (int) g << 8 | (int) bl;
            }
        }
        if (targets.hasSoftBins()) softTargets(abPlane, b, i);
        return abPlane;
    }

    /** Mean soft encoding of each 4×4 block; weight of the block's most likely bin. */
    private void softTargets(float[] ab, Batch b, int i) {
        int grid = size / CLASS_STRIDE;
        int q = encoding.gamut().size();
        int k = encoding.neighbours();
        int[] bins = new int[k];
        float[] w = new float[k];
        int[] touched = new int[k * CLASS_STRIDE * CLASS_STRIDE];
        float share = 1f / (CLASS_STRIDE * CLASS_STRIDE);
        for (int gy = 0; gy < grid; gy++) {
            for (int gx = 0; gx < grid; gx++) {
                int cell = (i * grid + gy) * grid + gx;
                int base = cell * q;
                int nTouched = 0;
                for (int dy = 0; dy < CLASS_STRIDE; dy++) {
                    for (int dx = 0; dx < CLASS_STRIDE; dx++) {
                        int p = (gy * CLASS_STRIDE + dy) * size + gx * CLASS_STRIDE + dx;
                        encoding.encodeSparse(ab[2 * p], ab[2 * p + 1], bins, w);
                        for (int j = 0; j < k; j++) {
                            if (b.soft()[base + bins[j]] == 0) touched[nTouched++] = bins[j];
                            b.soft()[base + bins[j]] += w[j] * share;
                        }
                    }
                }
                int best = touched[0];
                for (int t = 1; t < nTouched; t++) {
                    if (b.soft()[base + touched[t]] > b.soft()[base + best]) best = touched[t];
                }
                b.weights()[cell] = targets.rebalancing()[best];
            }
        }
    }

    /** The image order of epoch {@code epoch}: a seeded Fisher–Yates permutation. */
    private synchronized int[] permutation(long epoch) {
        if (epoch != cachedEpoch) {
            int n = images.size();
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            SplittableRandom r = new SplittableRandom(mix(seed, epoch, -1));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            cachedPermutation = perm;
            cachedEpoch = epoch;
        }
        return cachedPermutation;
    }

    /** A 64-bit hash of three numbers (SplitMix64 finalizer rounds). */
    static long mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = fmix(h ^ b);
        h = fmix(h + 0x632BE59BD9B4E019L ^ c);
        return h;
    }

    private static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public int size() {
        return size;
    }

    public int batch() {
        return batch;
    }

    public BatchTargets targets() {
        return targets;
    }
}
