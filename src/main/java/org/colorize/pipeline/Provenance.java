package org.colorize.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.colorize.Colorize;
import org.colorize.image.ImageMetadata;
import org.colorize.model.ChromaPredictor;
import org.colorize.model.ModelCard;

/**
 * The record every output carries of how its colors came to be, as plain data. Hosts store
 * {@link #text()} where the image keeps its notes (ImageJ: Info; PNG: a text chunk) and
 * {@link #properties()} as key–value properties.
 */
public record Provenance(String software, String pipeline, String model, String modelVersion, String modelCard,
        String modelSummary, String device, String natives, String parameters, String source, String sourcePath) {
    public static final String AI_NOTICE = "AI-inferred color";

    static Provenance of(ChromaPredictor predictor, ColorizeOptions options, double temperature, String pipeline,
            ImageMetadata source) {
        ModelCard card = predictor.card();
        String parameters = options.withModel(card.name()).toMacroString()
                + (card.outputEncoding().isDistribution() ? String.format(Locale.ROOT, " (temperature used: %.3g)", temperature) : "");
        return new Provenance(Colorize.NAME + " " + Colorize.VERSION, pipeline, card.name(), card.version(),
                predictor.origin(), card.summary(), predictor.device(), predictor.natives(), parameters, source.title(), source.sourcePath());
    }

    /** The same record with {@code extra} appended to its parameters (a sample's method, seed and index). */
    public Provenance withParameters(String extra) {
        return new Provenance(software, pipeline, model, modelVersion, modelCard, modelSummary, device, natives,
                parameters + " " + extra, source, sourcePath);
    }

    /** The human-readable record, one fact a line. */
    public String text() {
        return AI_NOTICE + ": the colors of this image were predicted by a neural network from its gray values."
                + " They are a plausible guess, not a measurement.\n"
                + "Software: " + software + " (" + pipeline + ")\n"
                + "Model: " + model + "\n"
                + "Model version: " + modelVersion + "\n"
                + "Model card: " + modelCard + "\n"
                + "Model summary: " + modelSummary + "\n"
                + "Device: " + device + "\n"
                + "Natives: " + natives + "\n"
                + "Parameters: " + parameters + "\n"
                + "Source: " + source + (sourcePath == null ? "" : " (" + sourcePath + ")") + "\n";
    }

    /** {@code Colorize-*} properties, in a stable order. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Colorize-Notice", AI_NOTICE);
        p.put("Colorize-Model", model);
        p.put("Colorize-Model-Version", modelVersion);
        p.put("Colorize-Parameters", parameters);
        p.put("Colorize-Software", software);
        return p;
    }
}
