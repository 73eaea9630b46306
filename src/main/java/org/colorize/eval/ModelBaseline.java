package org.colorize.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.colorize.ColorizeException;
import org.colorize.color.RgbRaster;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.ARGBType;
import org.colorize.image.SourceImage;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.ProgressListener;

/**
 * A model baseline: the {@link MakeGray} version of a truth image colorized by a model through
 * the product's own colorizer, behind {@link Colorizer} so that evaluation sees only pixels;
 * {@link #throughPipeline} is the product's, tests pass fakes.
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

    /**
     * Model baselines colorized as a user's run would be: the colorizer of the model card's kind,
     * on the gray image wrapped as an ImgLib2 image, the RGB result read back from its array.
     */
    public static Colorizer throughPipeline(ModelRegistry registry) {
        return (input, options, progress) -> {
            SourceImage source = SourceImage.of(ArrayImgs.unsignedBytes(input.gray(), input.width(), input.height()),
                    input.title());
            ColorizeResult result = Colorizers.forModel(registry, options.model())
                    .colorize(source, options, ColorizeContext.of(progress, null));
            Img<?> out = result.first().image();
            if (!(out instanceof ArrayImg<?, ?> argb) || out.numDimensions() != 2 || !(out.firstElement() instanceof ARGBType)
                    || out.dimension(0) != input.width() || out.dimension(1) != input.height()) {
                throw new ColorizeException("the colorizer gave a " + out.dimension(0) + "×" + out.dimension(1) + " "
                        + out.firstElement().getClass().getSimpleName() + " image instead of " + input.width() + "×"
                        + input.height() + " RGB.");
            }
            int[] pixels = (int[]) ((ArrayDataAccess<?>) argb.update(null)).getCurrentStorageArray();
            return new Colorized(new RgbRaster(input.width(), input.height(), pixels, false), result.warnings());
        };
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
