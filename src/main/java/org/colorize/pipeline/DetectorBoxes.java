package org.colorize.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.detect.Box;
import org.colorize.detect.BoxSource;
import org.colorize.detect.Detector;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.GrayPlane;
import org.colorize.model.ModelRegistry;
import org.colorize.model.PredictorSource;

/**
 * The installed COCO detector as a box source, loaded on the first image (the registry's folder
 * {@value #DETECTOR}) and kept for the JVM; its options (score, max boxes, classes) per source.
 */
public final class DetectorBoxes implements BoxSource {
    /** The detector's model folder name, what instance-aware cards name by reference. */
    public static final String DETECTOR = "coco-centernet";
    private static final Map<Path, Detector> LOADED = new HashMap<>();

    private final ModelRegistry registry;
    private final DetectorOptions options;

    public DetectorBoxes(ModelRegistry registry, DetectorOptions options) {
        this.registry = registry;
        this.options = options;
    }

    /** The detector of {@code models} with default options, or null when the models are not a registry. */
    static BoxSource installed(PredictorSource models) {
        return models instanceof ModelRegistry r ? new DetectorBoxes(r, DetectorOptions.defaults()) : null;
    }

    @Override
    public List<Box> boxes(GrayPlane image) throws ColorizeException {
        Detector d = detector(registry.resolve(DETECTOR));
        return d.detect(image, options, false).boxes();
    }

    private static Detector detector(Path folder) throws ColorizeException {
        synchronized (LOADED) {
            Detector d = LOADED.get(folder);
            if (d == null) {
                d = Detector.load(folder);
                LOADED.put(folder, d);
            }
            return d;
        }
    }

    @Override
    public String toString() {
        return "the detector (score ≥ " + options.minScore() + ", at most " + options.maxBoxes() + ")";
    }
}
