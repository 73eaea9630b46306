package org.colorize.eval;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.pipeline.ColorizeOptions;

/**
 * Every user option of Evaluate Colorization with its key, shared by the macro options, the
 * SciJava command and the command line ({@code --key value}), so a key means the same everywhere.
 *
 * @param truth     ground truth: an image file, a folder of them, or (in ImageJ) an open image's title
 * @param pred      predictions, the same kind as {@code truth}; null to score baselines only
 * @param baselines baselines to score on the truth images, in order
 * @param csv       CSV file to write, or null
 * @param overwrite whether an existing CSV may be replaced
 * @param colorize  colorization options for model baselines (its model is ignored)
 */
public record EvaluateOptions(String truth, String pred, List<Baseline> baselines, Path csv, boolean overwrite,
        ColorizeOptions colorize) {
    public static final String TRUTH = "truth";
    public static final String PRED = "pred";
    /** Comma-separated: {@code gray} and/or model names or folders. */
    public static final String BASELINE = "baseline";
    public static final String CSV = "csv";
    public static final String OVERWRITE = "overwrite";
    /** Every key of this command, the colorization keys for model baselines last. */
    public static final List<String> KEYS = List.of(TRUTH, PRED, BASELINE, CSV, OVERWRITE,
            ColorizeOptions.DEVICE, ColorizeOptions.UPSAMPLE, ColorizeOptions.TEMPERATURE, ColorizeOptions.VIVIDNESS);

    public EvaluateOptions {
        if (truth == null || truth.isBlank()) throw new IllegalArgumentException(TRUTH + " is missing: give the ground truth (a color image or a folder)");
        truth = truth.trim();
        pred = pred == null || pred.isBlank() ? null : pred.trim();
        baselines = List.copyOf(baselines == null ? List.of() : baselines);
        if (pred == null && baselines.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: give " + PRED + " (the colorized images) or a "
                    + BASELINE + " (gray, or a model)");
        }
        colorize = colorize == null ? ColorizeOptions.defaults() : colorize;
    }

    /**
     * Options from key=value pairs (macro options, a SciJava input map). Unknown keys are the
     * caller's to report; bad values throw with the key named. {@code overwrite} is a flag: present
     * (any value but {@code false}) means true.
     */
    public static EvaluateOptions fromMap(Map<String, String> values) {
        String csv = values.get(CSV);
        String overwrite = values.get(OVERWRITE);
        Map<String, String> colorize = new LinkedHashMap<>();
        for (String k : List.of(ColorizeOptions.DEVICE, ColorizeOptions.UPSAMPLE, ColorizeOptions.TEMPERATURE,
                ColorizeOptions.VIVIDNESS)) {
            if (values.containsKey(k)) colorize.put(k, values.get(k));
        }
        List<Baseline> baselines;
        try {
            baselines = Baseline.parseList(values.get(BASELINE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASELINE + ": " + e.getMessage(), e);
        }
        return new EvaluateOptions(values.get(TRUTH), values.get(PRED), baselines,
                csv == null || csv.isBlank() ? null : Paths.get(csv.trim()),
                overwrite != null && !overwrite.trim().equalsIgnoreCase("false"), ColorizeOptions.fromMap(colorize));
    }

    /** Dialog label of a key: capitalized, so ImageJ's recorder records the key itself. */
    public static String label(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
