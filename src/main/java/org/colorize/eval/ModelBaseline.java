package org.colorize.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.colorize.ColorizeException;
import org.colorize.color.RgbRaster;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ProgressListener;

/**
 * A model baseline: the {@link MakeGray} version of a truth image colorized by a model through
 * the product's own colorizer, behind {@link Colorizer} so that evaluation sees only pixels. The
 * front ends pass the implementation that calls the full-image pipeline.
 */
public final class ModelBaseline {
    /** The product's colorizer as evaluation uses it: one 8-bit gray image in, one RGB image out. */
    @FunctionalInterface
    public interface Colorizer {
        /** @param options the colorization options, their model the baseline's folder */
        Colorized colorize(GrayInput input, ColorizeOptions options, ProgressListener progress) throws ColorizeException;
    }

    /**
     * A gray input: {@code gray} row-major, {@code title} names it, {@code info} says where it came from.
     */
    public record GrayInput(String title, int width, int height, byte[] gray, String info) {
    }

    /** The colorized image and the colorizer's warnings. */
    public record Colorized(RgbRaster image, List<String> warnings) {
        public Colorized {
            Objects.requireNonNull(image, "image");
            warnings = List.copyOf(warnings);
        }
    }

    private final Colorizer colorizer;

    ModelBaseline(Colorizer colorizer) {
        this.colorizer = colorizer;
    }

    /**
     * Colorizes the gray version of one truth image with the model in {@code folder}.
     *
     * @param truth    the truth image's lightness, {@code width × height}
     * @param method   the baseline's method label, for messages
     * @param warnings receives the colorizer's warnings, prefixed with the image and method
     * @return the colorized pixels, packed RGB
     */
    int[] colorize(String name, float[] truth, int width, int height, String truthName, String method, Path folder,
            ColorizeOptions options, ProgressListener progress, List<String> warnings) throws ColorizeException {
        if (colorizer == null) {
            throw new ColorizeException("Baseline " + method + ": this front end cannot colorize (no colorizer given).");
        }
        GrayInput input = new GrayInput(name, width, height, MakeGray.lightnessGray(truth), MakeGray.info(truthName));
        Colorized result;
        try {
            result = colorizer.colorize(input, options.withModel(folder.toString()), progress);
        } catch (ColorizeException e) {
            throw new ColorizeException("Baseline " + method + " on " + truthName + ": " + e.getMessage(), e);
        }
        for (String warning : result.warnings()) warnings.add(name + " (" + method + "): " + warning);
        RgbRaster out = result.image();
        if (out.width() != width || out.height() != height) {
            throw new ColorizeException("Baseline " + method + " on " + truthName + " gave a " + out.width() + "×"
                    + out.height() + " image instead of " + width + "×" + height + ".");
        }
        return out.argb();
    }
}
