package org.colorize.ij;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import org.colorize.ColorizeException;
import org.colorize.eval.Evaluator;
import org.colorize.eval.ModelBaseline;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImagePlusDecoding;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.FullImageColorizer;

/**
 * Evaluation's ImageJ edge: open images become {@link Evaluator.OpenImage}s, and model baselines
 * are colorized by {@link FullImageColorizer} through ImagePlus, the one place where evaluation
 * meets the pipeline's API.
 */
public final class EvalImagesIJ {
    private EvalImagesIJ() {
    }

    /** An open image for {@link Evaluator}: its row is named by its short title (no extension). */
    public static Evaluator.OpenImage open(ImagePlus imp) {
        return new Evaluator.OpenImage(imp.getShortTitle(), imp.getTitle(), ImagePlusDecoding.of(imp));
    }

    /** Model baselines colorized by the full-image pipeline with models from {@code registry}. */
    public static ModelBaseline.Colorizer modelBaseline(ModelRegistry registry) {
        FullImageColorizer colorizer = new FullImageColorizer(registry);
        return (input, options, progress) -> {
            ImagePlus gray = new ImagePlus(input.title(), new ByteProcessor(input.width(), input.height(), input.gray()));
            gray.setProperty("Info", input.info());
            ColorizeResult result = colorizer.colorize(gray, options, progress);
            ImagePlus out = result.image();
            DecodedImage decoded = ImagePlusDecoding.of(out);
            if (out.getType() != ImagePlus.COLOR_RGB || out.getStackSize() != 1) {
                throw new ColorizeException("the colorizer gave a " + out.getWidth() + "×" + out.getHeight() + " "
                        + out.getBitDepth() + "-bit image instead of " + input.width() + "×" + input.height() + " RGB.");
            }
            return new ModelBaseline.Colorized(decoded.raster(), result.warnings());
        };
    }
}
