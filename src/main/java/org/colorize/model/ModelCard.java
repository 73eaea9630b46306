package org.colorize.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.colorize.ColorizeException;
import org.colorize.color.AbGamut;

/**
 * The {@code model.json} beside a SavedModel, parsed: what the model is, which networks
 * ({@link ModelComponent components}) it is made of and how each is fed and decoded, what it was
 * trained on and under which license. Everything the runtime needs comes from here, never from
 * guesses. Read and written by {@link ModelCards}, made with {@link ModelCardBuilder}.
 *
 * <p>The single-network accessors ({@link #inputName()}, {@link #outputEncoding()} …) describe the
 * {@linkplain #main() main component}.
 */
public final class ModelCard {
    public static final String FILE_NAME = "model.json";
    /** The kind of a card with one full-image network, and that network's role. */
    public static final String FULL_IMAGE = "full-image";

    private final int schema;
    private final String name;
    private final String version;
    private final String kind;
    private final List<ModelComponent> components;
    private final String license;
    private final boolean isDefault;
    private final List<String> labels;
    private final WeightsSource weightsSource;
    private final JsonObject json;

    ModelCard(int schema, String name, String version, String kind, List<ModelComponent> components, String license,
            boolean isDefault, List<String> labels, WeightsSource weightsSource, JsonObject json) { // json: the reader's own copy
        this.schema = schema;
        this.name = name;
        this.version = version;
        this.kind = kind;
        this.components = List.copyOf(components);
        this.license = license;
        this.isDefault = isDefault;
        this.labels = List.copyOf(labels);
        this.weightsSource = weightsSource;
        this.json = json;
    }

    /** Reads {@code folder/model.json}; the same as {@link ModelCards#read(Path)}. */
    public static ModelCard read(Path folder) throws ColorizeException {
        return ModelCards.read(folder);
    }

    /** The schema the card was written in (1: the flat card of before components; {@link ModelCards#SCHEMA}). */
    public int schema() {
        return schema;
    }

    /** Registry name (folder name by convention). */
    public String name() {
        return name;
    }

    /** The card's version, recorded in every output's provenance. */
    public String version() {
        return version;
    }

    /**
     * Which colorizer serves the model: {@value #FULL_IMAGE} now; instance-aware, diverse … later.
     * Some kinds are not colorization models ({@link ModelKinds}: a detector).
     */
    public String kind() {
        return kind;
    }

    /** Whether the model colorizes, as opposed to being a part such as a detector ({@link ModelKinds}). */
    public boolean isColorization() {
        return ModelKinds.isColorization(kind);
    }

    /** The class names of a model that has classes (a detector's), by class index; empty otherwise. */
    public List<String> labels() {
        return labels;
    }

    /** The package the weights were converted from, when the card's {@code source} is one; empty when it is a sentence. */
    public Optional<WeightsSource> weightsSource() {
        return Optional.ofNullable(weightsSource);
    }

    /** The model's networks, in the card's order. */
    public List<ModelComponent> components() {
        return components;
    }

    /** The component with the role {@code role} ({@value #FULL_IMAGE}, detector, fusion …). */
    public Optional<ModelComponent> component(String role) {
        return components.stream().filter(c -> c.role().equals(role)).findFirst();
    }

    /** The full-image network, or where a card has none the first component. */
    public ModelComponent main() {
        return component(FULL_IMAGE).orElse(components.get(0));
    }

    /** The main component's architecture, e.g. siggraph17-unet. */
    public String architecture() {
        return main().architecture().name();
    }

    /** The main component's signature input name. */
    public String inputName() {
        return main().input().name();
    }

    /** The main component's square input size in pixels (a multiple of 8 for an L input; 0 where an RGB input states none). */
    public int inputSize() {
        return main().input().size();
    }

    /** How L is encoded on the main component's input channel. */
    public InputEncoding inputEncoding() {
        return main().input().encoding();
    }

    /** The main component's signature output name. */
    public String outputName() {
        return main().output().name();
    }

    /** What the main component's output channels mean. */
    public OutputEncoding outputEncoding() {
        return main().output().encoding();
    }

    /** The ab bins of the main component's output when it is a distribution, else null. */
    public AbGamut outputBins() {
        return main().output().gamut();
    }

    /** The channel count of the main component's output (2, or the number of bins). */
    public int outputChannels() {
        return main().output().channels();
    }

    /** Default annealed-mean temperature for distribution outputs. */
    public double temperature() {
        return main().output().temperature();
    }

    /** Whether this model is the one used when none is named. */
    /**
     * The vividness the card gives its distribution output ({@code "vividness"} beside its
     * temperature; {@link org.colorize.color.ConfidenceShrink}), 1 (no shrinking) when it names none.
     */
    public double vividness() {
        try {
            var out = json.getAsJsonObject("components").getAsJsonObject(main().role()).getAsJsonObject("signature")
                    .getAsJsonObject("outputs").getAsJsonObject(outputName());
            if (out != null && out.has("vividness")) {
                double v = out.get("vividness").getAsDouble();
                if (v >= 0 && v <= 1) return v;
            }
        } catch (RuntimeException notThere) {
            // schema-1 cards and cards without the field: no shrinking
        }
        return 1;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public String license() {
        return license;
    }

    /**
     * The whole card in the current schema (a schema-1 file comes back upgraded), for fields only
     * front ends show (training data, metrics); a copy.
     */
    public JsonObject json() {
        return json.deepCopy();
    }

    /** A short human description: name, version, architecture, training data (a detector: its classes). */
    public String summary() {
        if (!isColorization()) {
            return name + " v" + version + " (" + kind + ", " + architecture() + (labels.isEmpty() ? "" : ", "
                    + labels.size() + " classes") + ", license " + license + ")";
        }
        String data = json.has("training_data") ? text(json.get("training_data")) : "unknown";
        return name + " v" + version + " (" + architecture() + ", " + outputEncoding().key() + ", input "
                + inputSize() + "², trained on " + data + ", license " + license + ")";
    }

    private static String text(JsonElement e) {
        if (e.isJsonObject() && e.getAsJsonObject().has("description")) {
            return text(e.getAsJsonObject().get("description")); // the trainer's cards: description + counts
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    @Override
    public String toString() {
        return "ModelCard[" + name + " v" + version + ", " + kind + ", schema " + schema + "]";
    }
}
