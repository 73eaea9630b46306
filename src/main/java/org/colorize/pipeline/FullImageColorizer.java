package org.colorize.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.colorize.ColorizeException;
import org.colorize.image.AbUpsampler;
import org.colorize.image.ColorOutput;
import org.colorize.image.GrayImage;
import org.colorize.image.ImageMetadata;
import org.colorize.image.LightnessPlane;
import org.colorize.image.NetworkInput;
import org.colorize.image.Recombiner;
import org.colorize.image.SourceImage;
import org.colorize.model.AbField;
import org.colorize.model.ChromaPredictor;
import org.colorize.model.LightnessBatch;
import org.colorize.model.PredictorSource;
import org.colorize.runtime.CancelToken;
import org.colorize.runtime.Workers;

/**
 * Full-image colorization: gray image → L → network-size L → ab from the network → ab upsampled
 * to full size → recombined with the ORIGINAL L → a new color image. The planes of a stack reach
 * the network in batches; a uniform plane is left gray.
 */
public class FullImageColorizer implements Colorizer {
    /** The card kind this colorizer runs. */
    public static final String KIND = "full-image";
    /** The pipeline name recorded in provenance. */
    public static final String PIPELINE = KIND;

    private final PredictorSource models;

    public FullImageColorizer(PredictorSource models) {
        this.models = models;
    }

    @Override
    public ColorizeResult colorize(SourceImage source, ColorizeOptions options, ColorizeContext context)
            throws ColorizeException {
        GrayImage gray = GrayImage.of(source);
        ProgressListener progress = context.progress();
        CancelToken cancel = context.cancel();
        Workers workers = context.workers();
        List<String> warnings = new ArrayList<>(gray.warnings());
        cancel.check();
        progress.progress("loading model", 0);
        long t0 = System.nanoTime();
        ChromaPredictor model = models.predictor(options.model(), options.device());
        double modelLoad = seconds(t0);
        checkKind(model);
        double temperature = temperature(model, options);
        checkMemory(gray);
        int size = model.card().inputSize();
        int planes = gray.planes();
        int batchSize = Math.max(1, model.maxBatch());
        StageClock clock = new StageClock();
        try {
            ColorOutput output = ColorOutput.allocate(gray);
            int next = 1;
            while (next <= planes) {
                List<Integer> indices = new ArrayList<>();
                List<LightnessPlane> batchPlanes = new ArrayList<>();
                List<float[]> small = new ArrayList<>();
                while (next <= planes && indices.size() < batchSize) {
                    int i = next++;
                    cancel.check();
                    long t = System.nanoTime();
                    LightnessPlane plane = gray.plane(i);
                    if (gray.isUniform(i)) {
                        warnings.add("Slice " + i + " is uniform; it is left gray.");
                        Recombiner.gray(plane, output.sink(i), workers);
                        clock.recombine += seconds(t);
                        continue;
                    }
                    progress.progress(where(i, i, planes) + "reading L", (i - 1.0) / planes);
                    small.add(NetworkInput.lightness(plane, size, workers));
                    indices.add(i);
                    batchPlanes.add(plane);
                    clock.prepare += seconds(t);
                }
                if (indices.isEmpty()) continue;
                cancel.check();
                int first = indices.get(0);
                progress.progress(where(first, indices.get(indices.size() - 1), planes) + "network", (first - 0.8) / planes);
                long t = System.nanoTime();
                List<AbField> fields = model.predict(networkInputs(model, batchPlanes, small, size, options, workers), temperature,
                        options.vividness());
                clock.network += seconds(t);
                if (fields.size() != indices.size()) {
                    throw new ColorizeException("Model " + model.card().name() + " returned " + fields.size()
                            + " ab fields for " + indices.size() + " planes.");
                }
                for (int k = 0; k < indices.size(); k++) {
                    int i = indices.get(k);
                    cancel.check();
                    progress.progress(where(i, i, planes) + "recombining with L", (i - 0.3) / planes);
                    t = System.nanoTime();
                    AbField ab = afterNetwork(fields.get(k), small.get(k), size, batchPlanes.get(k), options);
                    float[] guide = ab.size() == size ? small.get(k) : NetworkInput.resample(small.get(k), size, ab.size());
                    AbUpsampler upsampler = AbUpsampler.create(options.upsample(), ab.ab(), guide, ab.size(), gray.width(),
                            gray.height());
                    Recombiner.recombine(batchPlanes.get(k), upsampler, output.sink(i), workers);
                    clock.recombine += seconds(t);
                }
            }
            ImageMetadata in = gray.metadata();
            String title = in.shortTitle() + "-colorized";
            ImageMetadata meta = gray.kind() == GrayImage.Kind.GRAY8 || gray.kind() == GrayImage.Kind.RGB
                    ? in.derived(title, 1, 0, 255)
                    : in.derived(title, 3, gray.mapping().min(), gray.mapping().max());
            Provenance provenance = Provenance.of(model, options, temperature, kind(), in);
            progress.progress("done", 1);
            Colorization colorization = new Colorization(output.image(), meta, OptionalLong.empty(), provenance);
            return new ColorizeResult(List.of(colorization), warnings,
                    new StageTimes(modelLoad, clock.prepare, clock.network, clock.recombine));
        } catch (OutOfMemoryError e) {
            throw new ColorizeException("Out of memory while colorizing '" + gray.metadata().title() + "' ("
                    + gray.width() + "×" + gray.height() + "×" + planes + "). Give Java more memory"
                    + " (Edit > Options > Memory & Threads, or -Xmx) or colorize a substack.", e);
        }
    }

    /**
     * The chroma this colorizer's model predicts for one plane, on the model's grid, as
     * {@link #colorize} would upsample it: what a model that refines this one's prediction takes (a
     * {@code diverse-gan} with a prior).
     */
    public AbField chroma(LightnessPlane plane, ColorizeOptions options, Workers workers) throws ColorizeException {
        ChromaPredictor model = models.predictor(options.model(), options.device());
        checkKind(model);
        int size = model.card().inputSize();
        float[] small = NetworkInput.lightness(plane, size, workers);
        List<AbField> fields = model.predict(networkInputs(model, List.of(plane), List.of(small), size, options, workers),
                temperature(model, options), options.vividness());
        return afterNetwork(fields.get(0), small, size, plane, options);
    }

    /** A model of another kind is an error, never a silent run of this colorizer. */
    private void checkKind(ChromaPredictor model) throws ColorizeException {
        if (!kind().equals(model.card().kind())) throw Colorizers.unknownKind(model.card().kind(), model.card().name());
    }

    /** The call's temperature, or the card's when the call leaves it unset. */
    private static double temperature(ChromaPredictor model, ColorizeOptions options) {
        return Double.isNaN(options.temperature()) ? model.card().temperature() : options.temperature();
    }

    /** The card kind this colorizer serves (also its pipeline name in provenance). */
    protected String kind() {
        return KIND;
    }

    /**
     * What the network gets for a batch of planes: their L at the network size, and for models with
     * extra inputs those too (a subclass's).
     *
     * @param planes the full-resolution planes, in batch order
     * @param small  their L at {@code size}², in the same order
     * @param options the call's options (a subclass's hints)
     */
    protected LightnessBatch networkInputs(ChromaPredictor model, List<LightnessPlane> planes, List<float[]> small, int size,
            ColorizeOptions options, Workers workers) throws ColorizeException {
        if (!options.hints().isEmpty()) throw noHints(model);
        return LightnessBatch.of(size, small);
    }

    /**
     * What the network's ab of one plane becomes before upsampling (a subclass's hint propagation);
     * as is by default.
     *
     * @param small the plane's L at {@code size}²
     */
    protected AbField afterNetwork(AbField ab, float[] small, int size, LightnessPlane plane, ColorizeOptions options) {
        return ab;
    }

    /** The error for hints given to a model without hint inputs. */
    static ColorizeException noHints(ChromaPredictor model) {
        return new ColorizeException("Model " + model.card().name() + " takes no color hints (its card has no "
                + org.colorize.nn.HintInputs.AB + " input); colorize without hints or choose a model with hint inputs"
                + " (the default colorize-semantic-clean and colorize-semantic have them).");
    }

    /** Seconds spent per stage so far. */
    private static final class StageClock {
        double prepare;
        double network;
        double recombine;
    }

    private static String where(int first, int last, int planes) {
        if (planes == 1) return "";
        return first == last ? "slice " + first + "/" + planes + ": " : "slices " + first + "–" + last + "/" + planes + ": ";
    }

    private static void checkMemory(GrayImage gray) throws ColorizeException {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = ColorOutput.bytesFor(gray);
        if (needed > free * 0.9) {
            String virtual = gray.metadata().virtual()
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
