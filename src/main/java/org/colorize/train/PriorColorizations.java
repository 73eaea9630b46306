package org.colorize.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.TrainException;
import org.colorize.eval.MakeGray;
import org.colorize.eval.ModelBaseline;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ProgressListener;

/**
 * A single-prediction model's colorization of every training image, computed once when a run
 * starts, for a generator that refines that model's prediction (a {@code diverse-gan} with a
 * prior). Each image is colorized as a user's gray photo would be: its lightness as an 8-bit gray
 * image ({@link MakeGray#lightnessGray}) through the product's pipeline, at the size the run keeps
 * the image at, so the crops of a prior image line up pixel for pixel with the crops of its truth.
 */
final class PriorColorizations {
    private PriorColorizations() {}

    /** The colorizations, in the order of {@code images}. */
    static List<RgbImage> compute(ModelRegistry registry, String model, List<RgbImage> images, Consumer<String> log,
            BooleanSupplier cancel) throws TrainException {
        ModelBaseline.Colorizer colorizer = ModelBaseline.throughPipeline(registry);
        ColorizeOptions options = ColorizeOptions.defaults().withModel(model);
        List<RgbImage> out = new ArrayList<>();
        long t0 = System.nanoTime();
        long lastReport = t0;
        for (RgbImage im : images) {
            if (cancel.getAsBoolean()) throw new TrainException("Canceled while colorizing the training images with " + model + ".");
            byte[] gray = MakeGray.lightnessGray(im.argb());
            int[] argb;
            try {
                argb = colorizer.colorize(new ModelBaseline.GrayInput("training image " + (out.size() + 1), im.width(), im.height(),
                        gray, "training image"), options, ProgressListener.NONE).image().argb();
            } catch (ColorizeException e) {
                throw new TrainException("The prior model " + model + " cannot colorize training image " + (out.size() + 1)
                        + ": " + e.getMessage(), e);
            }
            out.add(RgbImage.fromPacked(im.width(), im.height(), argb, false));
            if (System.nanoTime() - lastReport > 10e9) {
                log.accept("prior colorizations: " + out.size() + "/" + images.size());
                lastReport = System.nanoTime();
            }
        }
        log.accept(String.format(Locale.ROOT, "prior colorizations of %d images by %s in %.1f s", images.size(), model,
                (System.nanoTime() - t0) / 1e9));
        return out;
    }
}
