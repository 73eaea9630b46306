package org.colorize.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.colorize.ColorizeException;
import org.colorize.detect.Detector;
import org.colorize.detect.DetectorInput;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.GrayPlane;
import org.colorize.detect.SemanticFeatures;
import org.colorize.image.LightnessPlane;
import org.colorize.image.NetworkInput;
import org.colorize.color.HintPropagation;
import org.colorize.model.AbField;
import org.colorize.model.ChromaPredictor;
import org.colorize.model.LightnessBatch;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelComponent;
import org.colorize.model.PredictorSource;
import org.colorize.model.SignatureInput;
import org.colorize.runtime.Workers;

/**
 * Colorization with the detector's features ({@code semantic} cards: a {@code detector} component
 * and a {@code full-image} network with inputs {@code l}, {@code feat_s8}, {@code feat_s16}). Each
 * plane's L goes to the detector at 512 on its long side, undistorted ({@link DetectorInput}); the
 * features over the whole image are resampled onto the network's grids
 * ({@link SemanticFeatures}) and fed as named extra inputs. A card whose network also takes hint
 * inputs ({@code hint_ab}, {@code hint_mask}, {@code global_hint}) gets the options' {@link ColorHints}
 * through {@link HintMaps} — all zeros, "no hint", when there are none. Everything else — network size,
 * upsampling, recombination with the original L — is the full-image pipeline's.
 */
public final class SemanticColorizer extends FullImageColorizer {
    public static final String KIND = "semantic";
    /** The card role of the detector component. */
    public static final String DETECTOR = "detector";
    /** The detector's input side. */
    static final int DETECTOR_SIZE = 512;
    /** Loaded detectors by folder, shared by every colorizer of the process (the model registry caches colorizers' networks too). */
    private static final Map<Path, Detector> DETECTORS = new ConcurrentHashMap<>();

    public SemanticColorizer(PredictorSource models) {
        super(models);
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected LightnessBatch networkInputs(ChromaPredictor model, List<LightnessPlane> planes, List<float[]> small, int size,
            ColorizeOptions options, Workers workers) throws ColorizeException {
        Detector detector = detector(model);
        Map<String, List<float[]>> extras = new LinkedHashMap<>();
        List<SignatureInput> inputs = model.card().main().signature().inputs();
        boolean takesHints = false;
        for (SignatureInput in : inputs) {
            if (!in.name().equals(model.card().inputName())) extras.put(in.name(), new ArrayList<>());
            takesHints |= in.encoding().isHint();
        }
        ColorHints hints = options.hints();
        if (!hints.isEmpty() && !takesHints) throw noHints(model);
        for (LightnessPlane plane : planes) {
            HintMaps.check(hints.points(), plane.width(), plane.height());
            float[] square = NetworkInput.lightness(plane, DETECTOR_SIZE, workers);
            GrayPlane view = DetectorInput.unstretched(square, DETECTOR_SIZE, plane.width(), plane.height(), DETECTOR_SIZE);
            SemanticFeatures f = SemanticFeatures.of(detector.detect(view, DetectorOptions.defaults(), true));
            for (Map.Entry<String, List<float[]>> e : extras.entrySet()) {
                InputEncoding encoding = model.card().main().signature().input(e.getKey()).orElseThrow().encoding();
                if (encoding.isHint()) {
                    e.getValue().add(switch (encoding) {
                        case HINT_AB -> HintMaps.ab(hints.points(), plane.width(), plane.height(), size);
                        case HINT_MASK -> HintMaps.mask(hints.points(), plane.width(), plane.height(), size);
                        default -> HintMaps.global(hints);
                    });
                    continue;
                }
                int grid = (int) ((long) size * model.card().main().signature().input(e.getKey()).orElseThrow().size()
                        / model.card().inputSize());
                e.getValue().add(switch (e.getKey()) {
                    case "feat_s8" -> f.sampleS8(0, 0, view.width(), view.height(), grid, false);
                    case "feat_s16" -> f.sampleS16(0, 0, view.width(), view.height(), grid, false);
                    default -> throw new ColorizeException("Model " + model.card().name() + " asks for an input '" + e.getKey()
                            + "' that the semantic colorizer does not make (it makes feat_s8, feat_s16 and the hint inputs).");
                });
            }
        }
        return new LightnessBatch(size, small, extras);
    }

    /** With local hints: each hint's correction carried over its region by lightness ({@link HintPropagation}). */
    @Override
    protected AbField afterNetwork(AbField ab, float[] small, int size, LightnessPlane plane, ColorizeOptions options) {
        List<ColorHints.Point> points = options.hints().points();
        if (points.isEmpty()) return ab;
        int n = points.size();
        int[] xs = new int[n];
        int[] ys = new int[n];
        float[] hab = new float[2 * n];
        for (int i = 0; i < n; i++) {
            ColorHints.Point p = points.get(i);
            int[] c = HintMaps.toNetwork(p.x(), p.y(), plane.width(), plane.height(), size);
            xs[i] = c[0];
            ys[i] = c[1];
            float[] v = p.ab();
            hab[2 * i] = v[0];
            hab[2 * i + 1] = v[1];
        }
        return new AbField(HintPropagation.apply(ab.ab(), ab.size(), small, size, xs, ys, hab), size);
    }

    private static Detector detector(ChromaPredictor model) throws ColorizeException {
        ModelComponent component = model.card().component(DETECTOR).orElseThrow(() -> new ColorizeException("Model "
                + model.card().name() + " is of kind semantic but its card has no detector component."));
        Path folder = component.signature().folder(Path.of(model.origin()).toAbsolutePath().getParent());
        if (!Files.isDirectory(folder)) {
            throw new ColorizeException("Model " + model.card().name() + ": its detector folder " + folder + " is missing.");
        }
        Detector d = DETECTORS.get(folder);
        if (d != null) return d;
        synchronized (DETECTORS) {
            d = DETECTORS.get(folder);
            if (d == null) {
                d = Detector.load(folder);
                DETECTORS.put(folder, d);
            }
            return d;
        }
    }
}
