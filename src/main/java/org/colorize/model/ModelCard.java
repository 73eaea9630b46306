package org.colorize.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.ColorizeException;

/**
 * The {@code model.json} beside a SavedModel: what the network is, what it expects and returns,
 * what it was trained on and under which license. Everything the runtime needs to feed the
 * network and decode its output comes from here, never from guesses.
 *
 * @param name          registry name (folder name by convention)
 * @param version       the card's version, recorded in every output's provenance
 * @param kind          full-image, instance, fusion, diverse …
 * @param architecture  e.g. siggraph17-unet
 * @param inputName     signature input name
 * @param inputSize     square network input size in pixels (multiple of 8)
 * @param inputEncoding how L is encoded on the input channel
 * @param outputName    signature output name
 * @param outputEncoding what the output channels mean
 * @param temperature   default annealed-mean temperature for distribution outputs
 * @param isDefault     whether this model is the one used when none is named
 * @param json          the whole card, for fields only front ends show (training data, metrics)
 */
public record ModelCard(
        String name,
        String version,
        String kind,
        String architecture,
        String inputName,
        int inputSize,
        InputEncoding inputEncoding,
        String outputName,
        OutputEncoding outputEncoding,
        double temperature,
        boolean isDefault,
        String license,
        JsonObject json) {

    public static final String FILE_NAME = "model.json";

    public static ModelCard read(Path folder) throws ColorizeException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ColorizeException("Model folder " + folder + " has no " + FILE_NAME
                    + " (the model card that says how to feed the network).");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return parse(text, folder.getFileName().toString());
        } catch (IOException e) {
            throw new ColorizeException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
            throw new ColorizeException("Model card " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    static ModelCard parse(String text, String fallbackName) {
        JsonObject root = JsonParser.parseString(text).getAsJsonObject();
        JsonObject input = object(root, "input");
        JsonObject output = object(root, "output");
        int size = input.has("size") ? input.get("size").getAsInt() : 256;
        if (size < 8 || size % 8 != 0) {
            throw new IllegalArgumentException("input.size must be a positive multiple of 8, was " + size);
        }
        return new ModelCard(
                string(root, "name", fallbackName),
                string(root, "version", "unversioned"),
                string(root, "kind", "full-image"),
                string(root, "architecture", "unknown"),
                string(input, "name", "l"),
                size,
                InputEncoding.parse(string(input, "encoding", "l_centered")),
                string(output, "name", "ab"),
                OutputEncoding.parse(string(output, "encoding", "ab")),
                output.has("temperature") ? output.get("temperature").getAsDouble() : 0.38,
                root.has("default") && root.get("default").getAsBoolean(),
                string(root, "license", "unknown"),
                root);
    }

    /** A short human description: name, version, architecture, training data. */
    public String summary() {
        String data = json.has("training_data") ? text(json.get("training_data")) : "unknown";
        return name + " v" + version + " (" + architecture + ", " + outputEncoding.key() + ", input "
                + inputSize + "², trained on " + data + ", license " + license + ")";
    }

    private static String text(JsonElement e) {
        if (e.isJsonObject() && e.getAsJsonObject().has("description")) {
            return text(e.getAsJsonObject().get("description")); // the trainer's cards: description + counts
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        if (e == null) return new JsonObject();
        if (!e.isJsonObject()) throw new IllegalArgumentException("'" + key + "' must be an object");
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }
}
