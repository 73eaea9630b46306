package org.colorize.command;

import ij.IJ;
import ij.ImagePlus;
import java.io.File;
import org.colorize.image.Upsampling;
import org.colorize.io.ImageFiles;
import org.colorize.runtime.DeviceChoice;
import org.colorize.model.ModelRegistry;
import org.colorize.runtime.TensorFlowRuntime;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.FullImageColorizer;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The SciJava twin of Plugins > Colorize > Colorize..., for scripts and headless runs through a
 * {@code Context}. It has no menu path on purpose: the ImageJ 1 plugin owns the menu, so Fiji
 * does not list the command twice.
 */
@Plugin(type = Command.class, name = "colorize", headless = true)
public class ColorizeCommand extends ContextCommand {
    // persist = false everywhere: SciJava would otherwise remember inputs between runs, and a
    // script leaving out model or output would silently get the previous run's value.
    @Parameter(required = false, persist = false, description = "Gray image to colorize (or give input)")
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

    @Parameter(required = false, persist = false, description = "Annealed-mean temperature; 0 for the model's default")
    private double temperature = 0;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus colorized;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TensorFlowRuntime.classLoader());
        try {
            ColorizeOptions options = new ColorizeOptions(model, DeviceChoice.parse(device), Upsampling.parse(upsample),
                    temperature > 0 ? temperature : Double.NaN);
            // SciJava fills an unset ImagePlus parameter with an empty new ImagePlus(): that means none.
            ImagePlus source = image != null && image.getWidth() > 0 ? image : open();
            ColorizeResult result = new FullImageColorizer(ModelRegistry.shared()).colorize(source, options,
                    (stage, f) -> log.debug("colorize: " + stage));
            result.warnings().forEach(log::warn);
            colorized = result.image();
            if (output != null) ImageFiles.write(colorized, output.toPath(), false);
        } catch (ColorizeException | IllegalArgumentException e) {
            log.error(e.getMessage());
            cancel(e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private ImagePlus open() throws ColorizeException {
        if (input == null) throw new ColorizeException("No image: give image or input.");
        ImagePlus imp = IJ.openImage(input.getPath());
        if (imp == null) throw new ColorizeException("Cannot open " + input + " as an image.");
        return imp;
    }
}
