package org.colorize.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a card in the current schema: the only way the project writes one (trainer, benchmarks,
 * tests, importers). Start with {@link ModelCards#builder(String)}, or from an existing card with
 * {@link ModelCards#builder(ModelCard)} to change a field. {@link #build()} checks the result
 * exactly as a card read from disk is checked.
 *
 * <pre>{@code
 * ModelCards.builder("random").version("bench")
 *         .component(ModelCard.FULL_IMAGE, c -> c.architecture("siggraph17-unet")
 *                 .input("l", InputEncoding.L, 256).output("ab", OutputEncoding.AB))
 *         .license("none").build();
 * }</pre>
 */
public final class ModelCardBuilder {
    /** Top-level keys in the order cards are written; others follow. */
    private static final List<String> ORDER = List.of("schema", "name", "version", "kind", "components", "license",
            "source", "labels", "training_data", "training", "metrics", "default");

    private final JsonObject root;

    ModelCardBuilder(JsonObject root) {
        this.root = root;
    }

    static ModelCardBuilder named(String name) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", ModelCards.SCHEMA);
        root.addProperty("name", name);
        root.addProperty("kind", CardDefaults.KIND);
        return new ModelCardBuilder(root);
    }

    public ModelCardBuilder version(String version) {
        root.addProperty("version", version);
        return this;
    }

    public ModelCardBuilder kind(String kind) {
        root.addProperty("kind", kind);
        return this;
    }

    public ModelCardBuilder license(String license) {
        root.addProperty("license", license);
        return this;
    }

    /** Where the weights come from (a project, a URL, a paper). */
    public ModelCardBuilder source(String source) {
        root.addProperty("source", source);
        return this;
    }

    /** Where converted weights come from: a registry's package, with the SHA-256 of each file taken from it. */
    public ModelCardBuilder source(WeightsSource source) {
        JsonObject s = new JsonObject();
        s.addProperty("registry", source.registry());
        s.addProperty("package", source.packageName());
        s.addProperty("version", source.version());
        JsonObject sha = new JsonObject();
        source.sha256().forEach(sha::addProperty);
        s.add("sha256", sha);
        if (source.generatedBy() != null) s.addProperty("generated_by", source.generatedBy());
        if (source.convertedBy() != null) s.addProperty("converted_by", source.convertedBy());
        root.add("source", s);
        return this;
    }

    /** The class names of a model with classes (a detector's), by class index. */
    public ModelCardBuilder labels(List<String> labels) {
        JsonArray array = new JsonArray();
        labels.forEach(array::add);
        root.add("labels", array);
        return this;
    }

    /** What the weights were trained on: a sentence, or an object with a {@code description}. Paths relative. */
    public ModelCardBuilder trainingData(JsonElement data) {
        root.add("training_data", data.deepCopy());
        return this;
    }

    /** How the weights were trained (trainer, run, steps, settings …). */
    public ModelCardBuilder training(JsonObject training) {
        root.add("training", training.deepCopy());
        return this;
    }

    /** Measured quality, each entry saying how it was measured. */
    public ModelCardBuilder metrics(JsonObject metrics) {
        root.add("metrics", metrics.deepCopy());
        return this;
    }

    /** Whether the model is the one used when none is named (the installer's choice). */
    public ModelCardBuilder isDefault(boolean isDefault) {
        if (isDefault) root.addProperty("default", true);
        else root.remove("default");
        return this;
    }

    /** Any other top-level field, kept as it is. */
    public ModelCardBuilder field(String key, JsonElement value) {
        root.add(key, value.deepCopy());
        return this;
    }

    /** Adds (or replaces) the component with role {@code role}, described by {@code spec}. */
    public ModelCardBuilder component(String role, Consumer<Component> spec) {
        Component c = new Component();
        spec.accept(c);
        JsonObject components = root.has("components") && root.get("components").isJsonObject()
                ? root.getAsJsonObject("components") : new JsonObject();
        components.add(role, c.json());
        root.add("components", components);
        return this;
    }

    /** The card; a {@link CardFormatException} if it is incomplete (no component, no input …). */
    public ModelCard build() {
        return CardReader.read(CardFields.root(json()), null, ModelCards.SCHEMA);
    }

    /** The card's JSON in the written key order. */
    JsonObject json() {
        JsonObject ordered = new JsonObject();
        for (String key : ORDER) {
            if (root.has(key)) ordered.add(key, root.get(key).deepCopy());
        }
        for (String key : root.keySet()) {
            if (!ordered.has(key)) ordered.add(key, root.get(key).deepCopy());
        }
        return ordered;
    }

    /** One network of the card: architecture, SavedModel folder, named inputs and outputs. */
    public static final class Component {
        private final JsonObject architecture = new JsonObject();
        private final JsonObject inputs = new JsonObject();
        private final JsonObject outputs = new JsonObject();
        private String savedModel = CardDefaults.SAVED_MODEL;

        private Component() {
        }

        public Component architecture(String name) {
            architecture.addProperty("name", name);
            return this;
        }

        /** Channel width multiplier of the architecture. */
        public Component width(double width) {
            architecture.addProperty("width", width);
            return this;
        }

        public Component parameters(long parameters) {
            architecture.addProperty("parameters", parameters);
            return this;
        }

        /** The component's SavedModel folder, relative to the model folder ({@value CardDefaults#SAVED_MODEL}: itself). */
        public Component savedModel(String folder) {
            savedModel = folder;
            return this;
        }

        /** A square image input of {@code size} pixels. */
        public Component input(String name, InputEncoding encoding, int size) {
            return input(name, encoding, size, TensorSpec.UNSTATED);
        }

        /** An input described by its tensor (a detector's RGB image); no {@code size}. */
        public Component input(String name, InputEncoding encoding, TensorSpec tensor) {
            return input(name, encoding, 0, tensor);
        }

        /** An input of {@code size} pixels (0: not stated) with the tensor facts the card states. */
        public Component input(String name, InputEncoding encoding, int size, TensorSpec tensor) {
            JsonObject input = new JsonObject();
            input.addProperty("encoding", encoding.key());
            if (size > 0) input.addProperty("size", size);
            addTensor(input, tensor, 0);
            inputs.add(name, input);
            return this;
        }

        /** An output; a distribution is over the default bins at the default temperature. */
        public Component output(String name, OutputEncoding encoding) {
            return encoding.isDistribution() ? output(name, encoding, CardDefaults.BINS, CardDefaults.TEMPERATURE)
                    : output(name, encoding, null, Double.NaN);
        }

        /** A distribution output over the bin set {@code bins}, decoded at {@code temperature}. */
        public Component output(String name, OutputEncoding encoding, String bins, double temperature) {
            JsonObject output = new JsonObject();
            output.addProperty("encoding", encoding.key());
            if (encoding.isDistribution()) {
                output.addProperty("bins", bins);
                output.add("temperature", new JsonPrimitive(temperature));
            }
            outputs.add(name, output);
            return this;
        }

        /**
         * An output with the tensor facts the card states (a detector's boxes, heatmap, feature taps);
         * a distribution is over the default bins at the default temperature.
         *
         * @param stride its pixel stride relative to the input, 0 for none
         */
        public Component output(String name, OutputEncoding encoding, int stride, TensorSpec tensor) {
            output(name, encoding);
            addTensor(outputs.getAsJsonObject(name), tensor, stride);
            return this;
        }

        private static void addTensor(JsonObject entry, TensorSpec tensor, int stride) {
            if (!tensor.shape().isEmpty()) {
                JsonArray shape = new JsonArray();
                tensor.shape().forEach(shape::add);
                entry.add("shape", shape);
            }
            if (tensor.dtype() != null) entry.addProperty("dtype", tensor.dtype());
            if (stride > 0) entry.addProperty("stride", stride);
            if (tensor.node() != null) entry.addProperty("node", tensor.node());
        }

        private JsonObject json() {
            JsonObject c = new JsonObject();
            if (architecture.size() > 0) c.add("architecture", architecture.deepCopy());
            JsonObject signature = new JsonObject();
            signature.addProperty("saved_model", savedModel);
            signature.add("inputs", inputs.deepCopy());
            signature.add("outputs", outputs.deepCopy());
            c.add("signature", signature);
            return c;
        }
    }
}
