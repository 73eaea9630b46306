package org.colorize.detect;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import org.colorize.files.AtomicFiles;

/** Writes a {@link DetectorCard} as {@code model.json} (card schema 2). */
public final class DetectorCardWriter {
    private DetectorCardWriter() {
    }

    public static void write(DetectorCard card, Path folder) throws IOException {
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(card));
        AtomicFiles.writeString(folder.resolve(DetectorCard.FILE_NAME), json + "\n", true);
    }

    static JsonObject toJson(DetectorCard card) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", DetectorCard.SCHEMA);
        root.addProperty("name", card.name());
        root.addProperty("kind", DetectorCard.KIND);
        root.addProperty("version", card.version());
        root.addProperty("architecture", card.architecture());
        root.addProperty("license", card.license());
        JsonObject source = new JsonObject();
        source.addProperty("registry", card.source().registry());
        source.addProperty("package", card.source().packageName());
        source.addProperty("version", card.source().packageVersion());
        JsonObject sha = new JsonObject();
        card.source().sha256().forEach(sha::addProperty);
        source.add("sha256", sha);
        source.addProperty("generated_by", card.source().generatedBy());
        source.addProperty("converted_by", card.source().convertedBy());
        root.add("source", source);
        JsonArray labels = new JsonArray();
        card.labels().forEach(labels::add);
        root.add("labels", labels);
        JsonObject component = new JsonObject();
        component.addProperty("role", DetectorCard.KIND);
        component.addProperty("signature", "serving_default");
        JsonArray inputs = new JsonArray();
        inputs.add(tensor(card.input()));
        component.add("inputs", inputs);
        JsonArray outputs = new JsonArray();
        card.outputs().forEach(t -> outputs.add(tensor(t)));
        component.add("outputs", outputs);
        JsonArray components = new JsonArray();
        components.add(component);
        root.add("components", components);
        return root;
    }

    private static JsonObject tensor(DetectorCard.Tensor t) {
        JsonObject o = new JsonObject();
        o.addProperty("name", t.name());
        JsonArray shape = new JsonArray();
        for (long d : t.shape()) shape.add(d);
        o.add("shape", shape);
        o.addProperty("dtype", t.dtype());
        o.addProperty("encoding", t.encoding());
        if (t.stride() > 0) o.addProperty("stride", t.stride());
        o.addProperty("node", t.node());
        return o;
    }
}
