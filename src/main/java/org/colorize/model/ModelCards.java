package org.colorize.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.files.AtomicFiles;

/**
 * The one reader and writer of model cards ({@code model.json}). Reads schema 1 (the flat card,
 * no {@code schema} key) and schema {@value #SCHEMA}; writes schema {@value #SCHEMA}, never with an
 * absolute path in it.
 *
 * <pre>{@code
 * {
 *   "schema": 2, "name": "colorize-default", "version": "…", "kind": "full-image",
 *   "components": {
 *     "full-image": {
 *       "architecture": {"name": "siggraph17-unet", "width": 0.25, "parameters": 2069641},
 *       "signature": {
 *         "saved_model": ".",
 *         "inputs": {"l": {"encoding": "l", "size": 64}},
 *         "outputs": {"ab_logits": {"encoding": "ab_bins_logits", "bins": "zhang313", "temperature": 0.38}}
 *       }
 *     }
 *   },
 *   "license": "…", "source": "…", "training_data": {…}, "training": {…}, "metrics": {…}, "default": true
 * }
 * }</pre>
 *
 * A signature entry may state its tensor too, as a converted detector's card does (kind
 * {@value ModelKinds#DETECTOR}), with labels and the package its weights came from:
 *
 * <pre>{@code
 * "components": {"detector": {"architecture": {"name": "centernet-mobilenetv3"}, "signature": {"saved_model": ".",
 *     "inputs": {"image": {"encoding": "rgb_0_255", "shape": [1, 512, 512, 3], "dtype": "float32", "node": "tower_0/images"}},
 *     "outputs": {"heatmap": {"encoding": "class_heatmap", "shape": [1, 128, 128, 80], "dtype": "float32",
 *                             "stride": 4, "node": "tower_0/keypoints"}, …}}}},
 * "source": {"registry": "npm", "package": "…", "version": "3.0.4", "sha256": {"models/centernet.json": "…"},
 *            "generated_by": "…", "converted_by": "…"},
 * "labels": ["person", "bicycle", …]
 * }</pre>
 */
public final class ModelCards {
    /** The schema this Colorize writes. */
    public static final int SCHEMA = 2;
    private static final int FLAT_SCHEMA = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private ModelCards() {
    }

    /** A new card named {@code name} (kind {@value CardDefaults#KIND} unless set). */
    public static ModelCardBuilder builder(String name) {
        return ModelCardBuilder.named(name);
    }

    /** A builder holding everything {@code card} says, to change a field of it. */
    public static ModelCardBuilder builder(ModelCard card) {
        return new ModelCardBuilder(card.json());
    }

    /** Reads {@code folder/model.json}; a card without a name is named after the folder. */
    public static ModelCard read(Path folder) throws ColorizeException {
        Path file = folder.resolve(ModelCard.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ColorizeException("Model folder " + folder + " has no " + ModelCard.FILE_NAME
                    + " (the model card that says how to feed the network).");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ColorizeException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Path folderName = folder.toAbsolutePath().normalize().getFileName();
        return parse(text, file.toString(), folderName == null ? null : folderName.toString());
    }

    /** Parses a card's text; it must have a name. */
    public static ModelCard parse(String text) throws ColorizeException {
        return parse(text, "text", null);
    }

    private static ModelCard parse(String text, String source, String fallbackName) throws ColorizeException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new ColorizeException("Model card " + source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new ColorizeException("Model card " + source + " is invalid: it must be a JSON object.");
        }
        try {
            return fromJson(root.getAsJsonObject(), fallbackName);
        } catch (CardFormatException e) {
            throw new ColorizeException("Model card " + source + " is invalid: " + e.getMessage() + ".", e);
        }
    }

    private static ModelCard fromJson(JsonObject root, String fallbackName) {
        CardFields fields = CardFields.root(root);
        int schema = fields.wholeNumber("schema", FLAT_SCHEMA);
        if (schema == FLAT_SCHEMA) {
            return CardReader.read(CardFields.root(SchemaOneCards.upgrade(fields, fallbackName).json()), fallbackName, schema);
        }
        if (schema == SCHEMA) return CardReader.read(fields, fallbackName, schema);
        throw fields.error("schema", "is " + schema + ", but this Colorize reads card schemas " + FLAT_SCHEMA + " to "
                + SCHEMA + " (was the card written by a newer Colorize?)");
    }

    /**
     * The card as written: pretty-printed JSON in the current schema.
     *
     * @throws IllegalArgumentException if a value of the card is an absolute path (cards travel
     *                                  between machines; paths in them are relative)
     */
    public static String toJson(ModelCard card) {
        JsonObject json = card.json();
        String absolute = absolutePath(json, "");
        if (absolute != null) {
            throw new IllegalArgumentException("model card " + card.name() + " holds an absolute path at key '" + absolute
                    + "'; cards name folders relative to the model or the training data");
        }
        return GSON.toJson(json) + "\n";
    }

    /** Writes the card to {@code folder/model.json} atomically, replacing one that is there. */
    public static void write(ModelCard card, Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(ModelCard.FILE_NAME), toJson(card), true);
    }

    /** The key of the first string value that is an absolute path, or null. */
    static String absolutePath(JsonElement e, String key) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return CardReader.ABSOLUTE_PATH.matcher(e.getAsString()).matches() ? key : null;
        }
        if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                String found = absolutePath(e.getAsJsonArray().get(i), key + "[" + i + "]");
                if (found != null) return found;
            }
        }
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                String found = absolutePath(entry.getValue(), key.isEmpty() ? entry.getKey() : key + "." + entry.getKey());
                if (found != null) return found;
            }
        }
        return null;
    }
}
