package org.colorize.train;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random square crops of the training images for the diverse stages (the trainer's own
 * {@link BatchMaker}: 0.5–1.0 of the short side, mirrored half the time, area-resampled, Lab),
 * batch {@code k} drawn by the step's {@link Random}. With prior images (a single-prediction
 * model's colorizations of the same images, {@link PriorColorizations}) each batch also carries
 * the same crops of those, as feature {@value #PRIOR_AB}: a second maker with the same seed over
 * images of the same sizes draws the same geometry.
 */
final class DiverseCrops {
    /** The batch feature holding the prior's ab/110 of each crop, [B, S, S, 2]. */
    static final String PRIOR_AB = "prior_ab";

    private final BatchMaker maker;
    private final BatchMaker priors;
    private final int images;
    private final int size;
    private final int batch;

    DiverseCrops(List<RgbImage> images, int size, int batch, long seed) {
        this(images, null, size, batch, seed);
    }

    /** @param priors the prior images, one per image and of its size; null: none */
    DiverseCrops(List<RgbImage> images, List<RgbImage> priors, int size, int batch, long seed) {
        if (priors != null) {
            if (priors.size() != images.size()) {
                throw new IllegalArgumentException(priors.size() + " prior images for " + images.size() + " images");
            }
            for (int i = 0; i < priors.size(); i++) {
                if (priors.get(i).width() != images.get(i).width() || priors.get(i).height() != images.get(i).height()) {
                    throw new IllegalArgumentException("prior image " + (i + 1) + " is not of its image's size");
                }
            }
        }
        this.maker = new BatchMaker(images, size, batch, BatchTargets.AB_ONLY, seed);
        this.priors = priors == null ? null : new BatchMaker(priors, size, batch, BatchTargets.AB_ONLY, seed);
        this.images = images.size();
        this.size = size;
        this.batch = batch;
    }

    /** A batch: L (0…100) and ab/110 of {@code batch} crops of {@code size}² (and the prior's ab, if any). */
    Batch next(Random random) {
        long step = random.nextInt(Integer.MAX_VALUE / batch);
        Batch b = maker.make(step);
        if (priors == null) return b;
        Map<String, float[]> features = new HashMap<>(b.features());
        features.put(PRIOR_AB, priors.make(step).ab());
        return new Batch(b.step(), b.count(), b.size(), b.l(), b.ab(), b.soft(), b.weights(), b.truth(), features);
    }

    boolean hasPriors() {
        return priors != null;
    }

    int size() {
        return size;
    }

    int batch() {
        return batch;
    }

    String describe() {
        return String.format(Locale.ROOT, "%d images%s, crops of %d², batch %d", images,
                priors == null ? "" : " with the prior's colorizations", size, batch);
    }
}
