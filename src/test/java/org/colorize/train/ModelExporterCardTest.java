package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelExporterCardTest {

    @Test
    void reExportKeepsTheDefaultFlagButNotOldMetrics(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model.json"), "{\"name\":\"m\",\"default\":true,\"evaluation\":{\"psnr\":20}}");
        JsonObject card = new JsonObject();
        card.addProperty("name", "m");
        ModelExporter.keepInstallChoices(dir, card);
        assertTrue(card.get("default").getAsBoolean(), "the installer's default choice survives");
        assertFalse(card.has("evaluation"), "metrics of the old weights are not carried over");
    }

    @Test
    void aNewFolderGetsNoDefaultFlag(@TempDir Path dir) {
        JsonObject card = new JsonObject();
        ModelExporter.keepInstallChoices(dir.resolve("absent"), card);
        assertFalse(card.has("default"));
    }
}
