package org.colorize.train;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random square crops of the training images for the diverse stages (the trainer's own
 * {@link BatchMaker}: 0.5–1.0 of the short side, mirrored half the time, area-resampled, Lab),
 * batch {@code k} drawn by the step's {@link Random}.
 */
final class DiverseCrops {
    private final BatchMaker maker;
    private final int images;
    private final int size;
    private final int batch;

    DiverseCrops(List<RgbImage> images, int size, int batch, long seed) {
        this.maker = new BatchMaker(images, size, batch, BatchTargets.AB_ONLY, seed);
        this.images = images.size();
        this.size = size;
        this.batch = batch;
    }

    /** A batch: L (0…100) and ab/110 of {@code batch} crops of {@code size}². */
    Batch next(Random random) {
        return maker.make(random.nextInt(Integer.MAX_VALUE / batch));
    }

    int size() {
        return size;
    }

    int batch() {
        return batch;
    }

    String describe() {
        return String.format(Locale.ROOT, "%d images, crops of %d², batch %d", images, size, batch);
    }
}
