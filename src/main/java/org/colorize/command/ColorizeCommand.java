package org.colorize.command;

import ij.ImagePlus;
import java.io.File;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import org.colorize.ColorizeException;
import org.colorize.ij.ImageJHost;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.image.SourceImage;
import org.colorize.image.Upsampling;
import org.colorize.io.ImageFiles;
import org.colorize.io.InputImages;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.Colorization;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorHints;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizers;
import org.colorize.runtime.DeviceChoice;
import org.colorize.runtime.TensorFlowRuntime;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The SciJava twin of Plugins > Colorize > Colorize..., for scripts and headless runs through a
 * {@code Context}. It takes an ImgLib2 image ({@code img}), an ImagePlus ({@code image}) or a file
 * ({@code input}) and returns the result both ways: {@code colorizedImg} (ImgLib2; see
 * {@link org.colorize.image.ColorOutput} for its layout) and {@code colorized} (ImagePlus). It has
 * no menu path on purpose: the ImageJ 1 plugin owns the menu, so Fiji does not list the command
 * twice. Canceling the module stops the colorization.
 */
@Plugin(type = Command.class, name = "colorize", headless = true)
public class ColorizeCommand extends ContextCommand {
    // persist = false everywhere: SciJava would otherwise remember inputs between runs, and a
    // script leaving out model or output would silently get the previous run's value.
    @Parameter(required = false, persist = false, description = "ImgLib2 gray image (x, y[, plane]) to colorize")
    private RandomAccessibleInterval<?> img;

    @Parameter(required = false, persist = false, description = "Title of img, for the result's title and provenance")
    private String title = "image";

    @Parameter(required = false, persist = false, description = "Gray image to colorize (or give img or input)")
    private ImagePlus image;

    @Parameter(required = false, persist = false, description = "Image file to colorize when no image is given")
    private File input;

    @Parameter(required = false, persist = false, description = "File to write the result to (.png or .tif); never overwritten")
    private File output;

    @Parameter(required = false, persist = false, description = "Model name or folder; empty for the default model")
    private String model = "";

    @Parameter(required = false, persist = false, choices = {"auto", "cpu", "gpu"})
    private String device = "auto";

    @Parameter(required = false, persist = false, choices = {"bilinear", "guided"})
    private String upsample = "bilinear";

    @Parameter(required = false, persist = false, description = "Annealed-mean temperature, or default for the model card's")
    private String temperature = ColorizeOptions.DEFAULT;

    @Parameter(required = false, persist = false,
            description = "Vividness 0-1 (1: as decoded; lower: unsure colors shrink toward gray), or default for the model card's")
    private String vividness = ColorizeOptions.DEFAULT;

    @Parameter(required = false, persist = false,
            description = "Color hints x1,y1,#rrggbb;x2,y2,#rrggbb (image pixels; models with hint inputs)")
    private String hints = "";

    @Parameter(required = false, persist = false, description = "A color image whose palette is the global hint")
    private File reference;

    @Parameter(type = ItemIO.OUTPUT)
    private Img<?> colorizedImg;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus colorized;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        try {
            TensorFlowRuntime.withContextLoader(() -> {
                colorize();
                return null;
            });
        } catch (ColorizeException | IllegalArgumentException e) {
            log.error(e.getMessage());
            cancel(e.getMessage());
        }
    }

    private void colorize() throws ColorizeException {
        ColorizeOptions options = new ColorizeOptions(model, DeviceChoice.parse(device), Upsampling.parse(upsample),
                ColorizeOptions.parseTemperature(temperature), ColorizeOptions.parseVividness(vividness))
                .withHints(new ColorHints(ColorHints.parsePoints(hints), reference == null ? null : reference(reference)));
        SourceImage source = source();
        ModelRegistry registry = ImageJHost.registry();
        ColorizeContext context = ColorizeContext.of((stage, f) -> log.debug("colorize: " + stage), this::isCanceled);
        ColorizeResult result = Colorizers.forModel(registry, options.model()).colorize(source, options, context);
        result.warnings().forEach(log::warn);
        Colorization first = result.first();
        colorizedImg = first.image();
        colorized = ImagePlusAdapter.toImagePlus(first);
        if (output != null) ImageFiles.write(colorized, output.toPath(), false);
    }

    private static ColorHints.Reference reference(File file) throws ColorizeException {
        ImagePlus imp = org.colorize.io.InputImages.open(file.toPath());
        if (imp.getType() != ImagePlus.COLOR_RGB) {
            throw new ColorizeException("The reference " + file + " is not an RGB color image (it has no colors to give).");
        }
        int[] rgb = (int[]) imp.getProcessor().getPixels();
        return ColorHints.Reference.ofRgb(file.toString(), rgb, ColorHints.Reference.stepFor(rgb.length));
    }

    private SourceImage source() throws ColorizeException {
        if (img != null) return SourceImage.of(img, title);
        // SciJava fills an unset ImagePlus parameter with an empty new ImagePlus(): that means none.
        if (image != null && image.getWidth() > 0) return ImagePlusAdapter.toSource(image);
        if (input == null) throw new ColorizeException("No image: give img, image or input.");
        return ImagePlusAdapter.toSource(InputImages.open(input.toPath()));
    }
}
