package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelExporterCardTest {

    private static ModelCard card(String name, boolean isDefault, JsonObject metrics) {
        return ModelCards.builder(name)
                .component(ModelCard.FULL_IMAGE, c -> c.input("l", InputEncoding.L, 64).output("ab", OutputEncoding.AB))
                .metrics(metrics).isDefault(isDefault).build();
    }

    private static JsonObject psnr(double value) {
        JsonObject metrics = new JsonObject();
        metrics.addProperty("psnr", value);
        return metrics;
    }

    @Test
    void reExportKeepsTheDefaultFlagButNotOldMetrics(@TempDir Path dir) throws Exception {
        ModelCards.write(card("m", true, psnr(20)), dir);
        ModelCard kept = ModelExporter.keepInstallChoices(dir, card("m", false, psnr(25)));
        assertTrue(kept.isDefault(), "the installer's default choice survives");
        assertEquals(25, kept.json().getAsJsonObject("metrics").get("psnr").getAsDouble(),
                "metrics of the old weights are not carried over");
    }

    @Test
    void reExportOfANonDefaultModelStaysNonDefault(@TempDir Path dir) throws Exception {
        ModelCards.write(card("m", false, psnr(20)), dir);
        assertFalse(ModelExporter.keepInstallChoices(dir, card("m", false, psnr(25))).isDefault());
    }

    @Test
    void aNewFolderGetsNoDefaultFlag(@TempDir Path dir) {
        assertFalse(ModelExporter.keepInstallChoices(dir.resolve("absent"), card("m", false, psnr(25))).isDefault());
    }

    @Test
    void theTrainersCardNamesNoPathOfThisMachine(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("photos");
        List<Path> images = SyntheticScenes.write(data, 6, 64, 48, 3);
        StringBuilder manifest = new StringBuilder("path\tlicense\tpackage\n");
        for (Path image : images) manifest.append(image.toAbsolutePath()).append("\tCC0-1.0\tsynthetic\n");
        Files.writeString(data.resolve(TrainingData.MANIFEST), manifest);
        TrainingData loaded = TrainingData.load(data, 32, 0.2, line -> { }, () -> false);
        TrainOptions o = TrainOptions.defaults(data, tmp.resolve("models/m"));

        ModelCard card = TrainedModelCard.card(o, 1234, loaded, "run-1", 10, 2.5, new Validation(10, 0.5, 20, 19, 1), 1, true);
        ModelCards.write(card, Files.createDirectories(tmp.resolve("models/m")));
        ModelCard read = ModelCards.read(tmp.resolve("models/m"));

        List<String> strings = new ArrayList<>();
        collectStrings(read.json(), strings);
        for (String s : strings) {
            assertFalse(s.startsWith("/") || s.contains(tmp.toString()), "absolute path in the card: " + s);
        }
        JsonObject td = read.json().getAsJsonObject("training_data");
        assertEquals("photos", td.get("folder").getAsString());
        assertEquals(TrainingData.MANIFEST, td.get("manifest").getAsString(), "relative to the data folder");
        assertEquals(0.25, read.main().architecture().width().getAsDouble());
        assertEquals(1234, read.main().architecture().parameters().getAsLong());
        assertEquals(0.25, TrainedModelCard.width(read.json()).getAsDouble(), "a resumed run reads the width back");
    }

    private static void collectStrings(JsonElement e, List<String> out) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) out.add(e.getAsString());
        if (e.isJsonArray()) e.getAsJsonArray().forEach(x -> collectStrings(x, out));
        if (e.isJsonObject()) for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) collectStrings(x.getValue(), out);
    }
}
