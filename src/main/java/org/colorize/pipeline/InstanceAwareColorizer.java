package org.colorize.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.colorize.ColorizeException;
import org.colorize.detect.Box;
import org.colorize.detect.BoxSource;
import org.colorize.detect.Boxes;
import org.colorize.detect.FixedBoxes;
import org.colorize.detect.GrayPlane;
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
import org.colorize.model.ModelCard;
import org.colorize.model.ModelComponent;
import org.colorize.model.ModelRegistry;
import org.colorize.model.NamedInputsModel;
import org.colorize.model.PredictorSource;
import org.colorize.nn.FusionGeometry;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.runtime.CancelToken;
import org.colorize.runtime.Workers;

/**
 * Instance-aware colorization (Su et al. 2020): boxes from a {@link BoxSource} (the detector, the
 * ROI Manager, particles, a CSV file), each box's L cropped from the full-resolution plane and
 * resized to the instance network's size, all crops of a plane in one batch through the fused
 * graph (instance net + full-image net with the fusion module); ab upsampled and recombined with
 * the original L as for full-image colorization. A plane without boxes gets the plain full-image
 * network's result, and a warning says so.
 */
public final class InstanceAwareColorizer implements Colorizer {
    /** The card kind this colorizer runs. */
    public static final String KIND = "instance-aware";
    /** The card component holding the fused graph. */
    public static final String FUSION = "fusion";
    /** The card component of the instance network. */
    public static final String INSTANCE = "instance";

    private final PredictorSource models;
    private final BoxSource boxes;
    private final int maxBoxes;
    private final Map<Path, NamedInputsModel> fused = new LinkedHashMap<>();
    private volatile List<List<Box>> lastBoxes = List.of();

    /**
     * @param boxes    where the boxes come from (null: none, the plain full-image result)
     * @param maxBoxes most boxes used per plane (the largest; InstColorization uses 8)
     */
    public InstanceAwareColorizer(PredictorSource models, BoxSource boxes, int maxBoxes) {
        this.models = models;
        this.boxes = boxes;
        this.maxBoxes = maxBoxes;
    }

    /** The same models with another box source. */
    public InstanceAwareColorizer withBoxes(BoxSource source, int max) {
        return new InstanceAwareColorizer(models, source, max);
    }

    /** The boxes each plane of the last colorization used (image pixels), for an overlay. */
    public List<List<Box>> lastBoxes() {
        return lastBoxes;
    }

    @Override
    public ColorizeResult colorize(SourceImage source, ColorizeOptions options, ColorizeContext context) throws ColorizeException {
        GrayImage gray = GrayImage.of(source);
        ProgressListener progress = context.progress();
        CancelToken cancel = context.cancel();
        Workers workers = context.workers();
        List<String> warnings = new ArrayList<>(gray.warnings());
        cancel.check();
        progress.progress("loading model", 0);
        long t0 = System.nanoTime();
        ChromaPredictor plain = models.predictor(options.model(), options.device());
        ModelCard card = plain.card();
        if (!KIND.equals(card.kind())) throw Colorizers.unknownKind(card.kind(), card.name());
        ModelComponent fusion = card.component(FUSION).orElseThrow(() -> new ColorizeException("Model " + card.name()
                + " is instance-aware but its card has no '" + FUSION + "' component."));
        int size = card.inputSize();
        int cropSize = fusion.signature().input(InstanceAwareNet.CROPS).orElseThrow(() -> new ColorizeException("Model "
                + card.name() + ": the fusion component has no '" + InstanceAwareNet.CROPS + "' input.")).size();
        double modelLoad = seconds(t0);
        int planes = gray.planes();
        double prepare = 0;
        double network = 0;
        double recombine = 0;
        List<List<Box>> used = new ArrayList<>();
        ColorOutput output = ColorOutput.allocate(gray);
        for (int i = 1; i <= planes; i++) {
            cancel.check();
            long t = System.nanoTime();
            LightnessPlane plane = gray.plane(i);
            if (gray.isUniform(i)) {
                warnings.add("Slice " + i + " is uniform; it is left gray.");
                Recombiner.gray(plane, output.sink(i), workers);
                used.add(List.of());
                continue;
            }
            String where = planes == 1 ? "" : "slice " + i + "/" + planes + ": ";
            progress.progress(where + "reading L", (i - 1.0) / planes);
            float[] small = NetworkInput.lightness(plane, size, workers);
            List<Box> found = List.of();
            if (boxes != null) {
                progress.progress(where + "finding boxes", (i - 0.9) / planes);
                // boxes from a file or the ROI Manager need no pixels: the plane is read only where crops need it
                List<Box> given = boxes instanceof FixedBoxes fixed ? fixed.all()
                        : boxes.boxes(GrayPlane.ofLightness(gray.width(), gray.height(), fullPlane(plane)));
                found = Boxes.largest(Boxes.clip(given, gray.width(), gray.height()), maxBoxes);
            }
            used.add(found);
            prepare += seconds(t);
            cancel.check();
            progress.progress(where + "network" + (found.isEmpty() ? "" : " (" + found.size() + " instances)"), (i - 0.7) / planes);
            t = System.nanoTime();
            AbField ab;
            if (found.isEmpty()) {
                warnings.add((planes == 1 ? "" : "Slice " + i + ": ") + "No boxes found: this is the full-image result.");
                ab = plain.predict(LightnessBatch.of(size, List.of(small)), Double.NaN).get(0);
            } else {
                ab = fusedAb(fusedModel(card, plain, options), small, plane, found, size, cropSize);
            }
            network += seconds(t);
            cancel.check();
            progress.progress(where + "recombining with L", (i - 0.3) / planes);
            t = System.nanoTime();
            float[] guide = ab.size() == size ? small : NetworkInput.resample(small, size, ab.size());
            AbUpsampler up = AbUpsampler.create(options.upsample(), ab.ab(), guide, ab.size(), gray.width(), gray.height());
            Recombiner.recombine(plane, up, output.sink(i), workers);
            recombine += seconds(t);
        }
        lastBoxes = List.copyOf(used);
        ImageMetadata in = gray.metadata();
        String title = in.shortTitle() + "-colorized";
        ImageMetadata meta = gray.kind() == GrayImage.Kind.GRAY8 || gray.kind() == GrayImage.Kind.RGB
                ? in.derived(title, 1, 0, 255)
                : in.derived(title, 3, gray.mapping().min(), gray.mapping().max());
        int total = used.stream().mapToInt(List::size).sum();
        Provenance provenance = Provenance.of(plain, options, Double.NaN, KIND + " (" + total + " boxes from " + describe(boxes) + ")", in);
        progress.progress("done", 1);
        return new ColorizeResult(List.of(new Colorization(output.image(), meta, OptionalLong.empty(), provenance)), warnings,
                new StageTimes(modelLoad, prepare, network, recombine));
    }

    private static String describe(BoxSource s) {
        return s == null ? "no source" : s.toString();
    }

    /** Runs the fused graph on one plane: L at S², the crops at the crop size, the geometry of the boxes. */
    static AbField fusedAb(NamedInputsModel model, float[] small, LightnessPlane plane, List<Box> boxes, int size, int cropSize)
            throws ColorizeException {
        float[] crops = InstanceCrops.crops(plane, boxes, cropSize);
        Map<String, float[]> out = model.run(fusedInputs(small, size, crops, cropSize,
                InstanceCrops.onNetwork(boxes, plane.width(), plane.height(), size)));
        float[] ab = out.containsKey("ab") ? out.get("ab") : out.values().iterator().next();
        if (ab.length != size * size * 2) throw new ColorizeException("The fused model returned " + ab.length + " values, expected " + size + "²×2");
        return new AbField(ab, size);
    }

    /**
     * The fused graph's inputs by name: {@code l} [1, S, S, 1], the K crops [K, C, C, 1] and the
     * geometry of {@code boxes} (on the network input) per stride ({@link FusionGeometry}).
     */
    public static Map<String, NamedInputsModel.Input> fusedInputs(float[] l, int size, float[] crops, int cropSize,
            List<FusionGeometry.NetBox> boxes) {
        int k = boxes.size();
        FusionGeometry.Inputs geo = FusionGeometry.inputs(boxes, size, cropSize);
        Map<String, NamedInputsModel.Input> in = new LinkedHashMap<>();
        in.put(org.colorize.nn.SavedModelExport.INPUT, new NamedInputsModel.Input(new long[] {1, size, size, 1}, l));
        in.put(InstanceAwareNet.CROPS, new NamedInputsModel.Input(new long[] {k, cropSize, cropSize, 1}, crops));
        for (int s = 0; s < FusionGeometry.STRIDES.size(); s++) {
            int stride = FusionGeometry.STRIDES.get(s);
            long[] shape = {k, size / stride, cropSize / stride};
            in.put(FusionGeometry.Inputs.rowsName(stride), new NamedInputsModel.Input(shape, geo.rows()[s]));
            in.put(FusionGeometry.Inputs.colsName(stride), new NamedInputsModel.Input(shape, geo.cols()[s]));
        }
        return in;
    }

    private synchronized NamedInputsModel fusedModel(ModelCard card, ChromaPredictor plain, ColorizeOptions options)
            throws ColorizeException {
        Path folder = models instanceof ModelRegistry r ? r.resolve(options.model()) : Path.of(plain.origin()).getParent();
        Path fusionFolder = card.component(FUSION).orElseThrow().signature().folder(folder);
        NamedInputsModel m = fused.get(fusionFolder);
        if (m == null) {
            m = NamedInputsModel.load(fusionFolder, options.device());
            fused.put(fusionFolder, m);
        }
        return m;
    }

    private static float[] fullPlane(LightnessPlane plane) {
        int w = plane.width();
        float[] out = new float[w * plane.height()];
        float[] row = new float[w];
        for (int y = 0; y < plane.height(); y++) {
            plane.lightnessRow(y, row);
            System.arraycopy(row, 0, out, y * w, w);
        }
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
