package org.colorize.pipeline;

import org.colorize.ColorizeException;

import ij.ImagePlus;
import java.util.ArrayList;
import java.util.List;
import org.colorize.image.AbUpsampler;
import org.colorize.image.ColorOutput;
import org.colorize.image.GrayImage;
import org.colorize.image.LightnessPlane;
import org.colorize.image.NetworkInput;
import org.colorize.image.Recombiner;
import org.colorize.model.AbField;
import org.colorize.model.ColorizationModel;
import org.colorize.model.ModelRegistry;

/**
 * The UI-free core of full-image colorization: gray image → L → network-size L → ab from the
 * network → ab upsampled to full size → recombined with the ORIGINAL L → a new color image.
 * Every front end (ImageJ plugin, SciJava command, command line) calls {@link #colorize}.
 */
public final class FullImageColorizer {
    public static final String PIPELINE = "full-image";

    private final ModelRegistry registry;

    public FullImageColorizer(ModelRegistry registry) {
        this.registry = registry;
    }

    public ColorizeResult colorize(ImagePlus source, ColorizeOptions options, ProgressListener progress)
            throws ColorizeException {
        GrayImage gray = GrayImage.of(source);
        List<String> warnings = new ArrayList<>(gray.warnings());
        progress.progress("loading model", 0);
        long t0 = System.nanoTime();
        ColorizationModel model = registry.load(options.model(), options.device());
        double modelLoad = seconds(t0);
        double temperature = Double.isNaN(options.temperature()) ? model.card().temperature() : options.temperature();
        checkMemory(gray);
        int size = model.card().inputSize();
        int planes = gray.planes();
        double prepare = 0, network = 0, recombine = 0;
        try {
            ColorOutput output = ColorOutput.allocate(gray);
            for (int i = 1; i <= planes; i++) {
                String where = planes > 1 ? "slice " + i + "/" + planes + ": " : "";
                long t = System.nanoTime();
                LightnessPlane plane = gray.plane(i);
                if (gray.isUniform(i)) {
                    warnings.add("Slice " + i + " is uniform; it is left gray.");
                    Recombiner.gray(plane, output.sink(i));
                    recombine += seconds(t);
                    continue;
                }
                progress.progress(where + "reading L", (i - 1.0) / planes);
                float[] small = NetworkInput.lightness(plane, size);
                prepare += seconds(t);
                progress.progress(where + "network", (i - 0.8) / planes);
                t = System.nanoTime();
                AbField ab = model.predictAb(small, size, temperature);
                network += seconds(t);
                progress.progress(where + "recombining with L", (i - 0.3) / planes);
                t = System.nanoTime();
                float[] guide = ab.size() == size ? small : NetworkInput.resample(small, size, ab.size());
                AbUpsampler upsampler = AbUpsampler.create(options.upsample(), ab.ab(), guide, ab.size(), gray.width(), gray.height());
                Recombiner.recombine(plane, upsampler, output.sink(i));
                recombine += seconds(t);
            }
            ImagePlus out = output.toImagePlus(source.getShortTitle() + "-colorized");
            Provenance.stamp(out, source, model, options, temperature, PIPELINE);
            progress.progress("done", 1);
            return new ColorizeResult(out, warnings, new StageTimes(modelLoad, prepare, network, recombine));
        } catch (OutOfMemoryError e) {
            throw new ColorizeException("Out of memory while colorizing '" + source.getTitle() + "' ("
                    + gray.width() + "×" + gray.height() + "×" + planes + "). Give Java more memory"
                    + " (Edit > Options > Memory & Threads, or -Xmx) or colorize a substack.", e);
        }
    }

    private static void checkMemory(GrayImage gray) throws ColorizeException {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = ColorOutput.bytesFor(gray);
        if (needed > free * 0.9) {
            String virtual = gray.source().getStack().isVirtual()
                    ? " The input is a virtual stack: its slices are read one at a time, but the color result is held in memory." : "";
            throw new ColorizeException("The colorized image would need " + needed / (1 << 20) + " MB but only "
                    + free / (1 << 20) + " MB of memory are free." + virtual
                    + " Colorize a substack, or give Java more memory (Edit > Options > Memory & Threads, or -Xmx).");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
