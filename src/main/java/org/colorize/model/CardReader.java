package org.colorize.model;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.colorize.color.AbGamut;

/** Reads a card in the current schema ({@link ModelCards#SCHEMA}) into a {@link ModelCard}, checking every key it uses. */
final class CardReader {
    /** What a path that names one machine's folder starts with: /, ~/, \\, C:\ or C:/. */
    static final Pattern ABSOLUTE_PATH = Pattern.compile("^(?:/|~/|\\\\\\\\|[A-Za-z]:[\\\\/]).*", Pattern.DOTALL);

    private CardReader() {
    }

    /**
     * @param fallbackName the name when the card has none (its folder's), or null to require one
     * @param schema       the schema the card was written in, recorded on the result
     */
    static ModelCard read(CardFields root, String fallbackName, int schema) {
        String name = root.string("name", fallbackName);
        if (name == null) throw root.error("name", "is missing");
        String kind = root.string("kind", CardDefaults.KIND);
        CardFields components = root.nonEmptyObject("components");
        List<ModelComponent> list = new ArrayList<>();
        for (String role : components.keys()) list.add(component(role, components.requiredObject(role)));
        if (kind.equals(ModelCard.FULL_IMAGE) && list.stream().noneMatch(c -> c.role().equals(ModelCard.FULL_IMAGE))) {
            throw components.error(ModelCard.FULL_IMAGE, "is missing: a " + ModelCard.FULL_IMAGE + " card needs that component");
        }
        for (ModelComponent c : list) {
            if (c.role().equals(ModelCard.FULL_IMAGE)) checkColorizer(c, components.requiredObject(c.role()));
        }
        for (String free : List.of("training", "metrics")) {
            if (root.has(free)) root.requiredObject(free);
        }
        WeightsSource source = source(root);
        List<String> labels = root.strings("labels");
        JsonObject json = root.json().deepCopy();
        json.addProperty("name", name); // a card named after its folder says so in json() too
        return new ModelCard(schema, name, root.string("version", CardDefaults.VERSION), kind, list,
                root.string("license", CardDefaults.LICENSE), root.bool("default", false), labels, source, json);
    }

    /** The full-image network takes L on its first input and returns chroma on its first output. */
    private static void checkColorizer(ModelComponent c, CardFields json) {
        CardFields signature = json.requiredObject("signature");
        SignatureInput in = c.input();
        if (!in.encoding().isLightness()) {
            throw signature.requiredObject("inputs").requiredObject(in.name()).error("encoding",
                    "must be a lightness encoding (l, l_centered, l_unit) for the " + c.role() + " network, was "
                            + in.encoding().key());
        }
        SignatureOutput out = c.output();
        if (!out.encoding().isChroma()) {
            throw signature.requiredObject("outputs").requiredObject(out.name()).error("encoding",
                    "must be chroma (ab, ab_over_110, ab_bins_logits, ab_bins_probabilities) for the " + c.role()
                            + " network, was " + out.encoding().key());
        }
    }

    /** The {@code source} when it is an object; null when it is a sentence or absent. */
    private static WeightsSource source(CardFields root) {
        if (root.isObject("source")) return weightsSource(root.requiredObject("source"));
        if (root.has("source") && !root.json().get("source").isJsonPrimitive()) {
            throw root.error("source", "must be a sentence or an object (registry, package, version, sha256 …), was "
                    + root.json().get("source"));
        }
        return null;
    }

    /** A {@code source} object: a registry's package at a version, with the SHA-256 of its files. */
    private static WeightsSource weightsSource(CardFields s) {
        return new WeightsSource(s.requiredString("registry"), s.requiredString("package"), s.requiredString("version"),
                s.stringMap("sha256"), s.string("generated_by", null), s.string("converted_by", null));
    }

    private static ModelComponent component(String role, CardFields c) {
        CardFields a = c.object("architecture");
        Architecture architecture = new Architecture(a.string("name", CardDefaults.ARCHITECTURE), a.number("width"),
                a.wholeNumber("parameters"));
        return new ModelComponent(role, architecture, signature(c.requiredObject("signature")));
    }

    private static ComponentSignature signature(CardFields s) {
        List<SignatureInput> inputs = new ArrayList<>();
        CardFields in = s.nonEmptyObject("inputs");
        for (String name : in.keys()) {
            CardFields i = in.requiredObject(name);
            InputEncoding encoding = i.requiredParsed("encoding", InputEncoding::parse);
            int size = encoding.isLightness() ? inputSize(i) : statedSize(i);
            inputs.add(new SignatureInput(name, encoding, size, tensor(i)));
        }
        List<SignatureOutput> outputs = new ArrayList<>();
        CardFields out = s.nonEmptyObject("outputs");
        for (String name : out.keys()) outputs.add(output(name, out.requiredObject(name)));
        return new ComponentSignature(savedModel(s), inputs, outputs);
    }

    private static SignatureOutput output(String name, CardFields o) {
        OutputEncoding encoding = o.requiredParsed("encoding", OutputEncoding::parse);
        String bins = null;
        if (encoding.isDistribution()) {
            bins = o.string("bins", CardDefaults.BINS);
            o.parsed("bins", AbGamut::named, CardDefaults.BINS);
        }
        int stride = o.wholeNumber("stride", 0);
        if (o.has("stride") && stride < 1) throw o.error("stride", "must be a positive whole number, was " + stride);
        return new SignatureOutput(name, encoding, bins, temperature(o), stride, tensor(o));
    }

    /** The optional tensor facts of a signature entry: {@code shape} (−1: any size), {@code dtype}, {@code node}. */
    private static TensorSpec tensor(CardFields t) {
        List<Long> shape = t.wholeNumbers("shape");
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i) < 1 && shape.get(i) != TensorSpec.ANY) {
                throw t.error("shape[" + i + "]", "must be a positive size or " + TensorSpec.ANY + " (any), was " + shape.get(i));
            }
        }
        String dtype = t.string("dtype", null);
        if (dtype != null && dtype.isBlank()) throw t.error("dtype", "must name an element type (float32 …)");
        return new TensorSpec(shape, dtype, t.string("node", null));
    }

    /** {@code size} of an input that is not L: any positive size where stated (its shape says the rest), else 0. */
    private static int statedSize(CardFields input) {
        int size = input.wholeNumber("size", 0);
        if (input.has("size") && size < 1) throw input.error("size", "must be positive, was " + size);
        return size;
    }

    /** The largest network input side a card may ask for (16 M values per plane; the bundled models use 64–512). */
    static final int MAX_INPUT_SIZE = 4096;

    /** {@code size}: a positive multiple of 8 up to {@value #MAX_INPUT_SIZE}, {@link CardDefaults#INPUT_SIZE} when absent. */
    static int inputSize(CardFields input) {
        long size = input.wholeNumber("size").orElse(CardDefaults.INPUT_SIZE);
        if (size < 8 || size % 8 != 0) throw input.error("size", "must be a positive multiple of 8, was " + size);
        if (size > MAX_INPUT_SIZE) {
            throw input.error("size", "must be at most " + MAX_INPUT_SIZE + " (a network input of " + size + "×" + size
                    + " pixels cannot be held in memory), was " + size);
        }
        return (int) size;
    }

    /** {@code temperature}: positive, {@link CardDefaults#TEMPERATURE} when absent. */
    static double temperature(CardFields output) {
        double t = output.number("temperature", CardDefaults.TEMPERATURE);
        if (!(t > 0) || !Double.isFinite(t)) throw output.error("temperature", "must be positive (and finite), was " + t);
        return t;
    }

    /** {@code saved_model}: a folder inside the model folder, never an absolute path or one leading out of it. */
    private static String savedModel(CardFields s) {
        String folder = s.string("saved_model", CardDefaults.SAVED_MODEL);
        boolean escapes = List.of(folder.split("[/\\\\]")).contains("..");
        if (folder.isEmpty() || ABSOLUTE_PATH.matcher(folder).matches() || escapes) {
            throw s.error("saved_model", "must be a folder inside the model folder (\".\" for the folder itself), was '" + folder + "'");
        }
        return folder;
    }
}
