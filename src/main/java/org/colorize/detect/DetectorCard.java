package org.colorize.detect;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;

/**
 * The {@code model.json} of a converted detector (card schema 2, kind {@code detector}, one
 * component with role {@code detector}): where the weights came from, the class labels, and the
 * signature's tensors with their shapes and encodings. {@link DetectorCardWriter} writes it.
 */
public record DetectorCard(String name, String version, String architecture, String license, Source source,
                           List<String> labels, Tensor input, List<Tensor> outputs) {
    public static final String FILE_NAME = "model.json";
    public static final int SCHEMA = 2;
    public static final String KIND = "detector";

    /** The package the weights were converted from, with the SHA-256 of each source file. */
    public record Source(String registry, String packageName, String packageVersion, Map<String, String> sha256,
                         String generatedBy, String convertedBy) {
        public Source {
            sha256 = new LinkedHashMap<>(sha256);
        }
    }

    /**
     * A signature tensor: name, shape, dtype, encoding ({@code rgb_0_255}, {@code detections},
     * {@code class_heatmap}, {@code features}), stride relative to the input (0 when not a map), and
     * the graph node it was exported from.
     */
    public record Tensor(String name, long[] shape, String dtype, String encoding, int stride, String node) {
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.dtype.equals(dtype)
                    && t.encoding.equals(encoding) && t.stride == stride && t.node.equals(node);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }
    }

    public DetectorCard {
        labels = List.copyOf(labels);
        outputs = List.copyOf(outputs);
    }

    public Tensor output(String name) throws ColorizeException {
        for (Tensor t : outputs) {
            if (t.name().equals(name)) return t;
        }
        throw new ColorizeException("detector card " + this.name + " has no output '" + name + "'");
    }

    /** The outputs with encoding {@code features}, finest stride first. */
    public List<Tensor> taps() {
        List<Tensor> taps = new ArrayList<>();
        for (Tensor t : outputs) {
            if (t.encoding().equals("features")) taps.add(t);
        }
        taps.sort((a, b) -> Integer.compare(a.stride(), b.stride()));
        return taps;
    }

    public static DetectorCard read(Path folder) throws ColorizeException {
        Path file = folder.resolve(FILE_NAME);
        try {
            return parse(JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException e) {
            throw new ColorizeException("Cannot read the detector card " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | UnsupportedOperationException e) {
            throw new ColorizeException("Detector card " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    static DetectorCard parse(JsonObject root) {
        int schema = root.has("schema") ? root.get("schema").getAsInt() : 1;
        if (schema != SCHEMA || !KIND.equals(root.get("kind").getAsString())) {
            throw new IllegalArgumentException("expected schema " + SCHEMA + " and kind '" + KIND + "', found schema "
                    + schema + ", kind " + root.get("kind") + " (a colorization model card?)");
        }
        JsonObject component = null;
        for (JsonElement c : root.getAsJsonArray("components")) {
            if (KIND.equals(c.getAsJsonObject().get("role").getAsString())) component = c.getAsJsonObject();
        }
        if (component == null) throw new IllegalArgumentException("no component with role 'detector'");
        JsonArray inputs = component.getAsJsonArray("inputs");
        if (inputs.size() != 1) throw new IllegalArgumentException("the detector component must have one input");
        List<Tensor> outputs = new ArrayList<>();
        for (JsonElement o : component.getAsJsonArray("outputs")) outputs.add(tensor(o.getAsJsonObject()));
        List<String> labels = new ArrayList<>();
        for (JsonElement l : root.getAsJsonArray("labels")) labels.add(l.getAsString());
        JsonObject s = root.getAsJsonObject("source");
        Map<String, String> sha = new LinkedHashMap<>();
        s.getAsJsonObject("sha256").entrySet().forEach(e -> sha.put(e.getKey(), e.getValue().getAsString()));
        Source source = new Source(s.get("registry").getAsString(), s.get("package").getAsString(),
                s.get("version").getAsString(), sha, text(s, "generated_by"), text(s, "converted_by"));
        return new DetectorCard(root.get("name").getAsString(), root.get("version").getAsString(),
                root.get("architecture").getAsString(), root.get("license").getAsString(), source, labels,
                tensor(inputs.get(0).getAsJsonObject()), outputs);
    }

    private static Tensor tensor(JsonObject t) {
        JsonArray dims = t.getAsJsonArray("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i).getAsLong();
        return new Tensor(t.get("name").getAsString(), shape, t.get("dtype").getAsString(),
                t.get("encoding").getAsString(), t.has("stride") ? t.get("stride").getAsInt() : 0, text(t, "node"));
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }
}
