package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.colorize.nn.Adam;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.Siggraph17Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.types.TFloat32;

/** {@code --nets}: retraining only the fusion on an instance-aware model's own two nets. */
class InstanceAwareTrainingTest {
    private static final Siggraph17Config TINY = Siggraph17Config.regression(1.0 / 16, 1);

    @Test
    void theFusionVariantComesFromTheCommandLine() {
        assertEquals(org.colorize.nn.FusionConfig.COLORIZE, InstanceAwareTraining.fusionConfig(InstanceAwareTraining.parse(new String[0])));
        var onehidden = InstanceAwareTraining.fusionConfig(InstanceAwareTraining.parse(new String[] {"--weight-nets", "one-hidden"}));
        assertEquals(1, onehidden.hiddenConvs());
        assertFalse(onehidden.boxSizeTerm());
        var term = InstanceAwareTraining.fusionConfig(
                InstanceAwareTraining.parse(new String[] {"--weight-nets", "one-hidden", "--box-size-term"}));
        assertEquals(onehidden.withBoxSizeTerm(true), term);
        assertThrows(IllegalArgumentException.class,
                () -> InstanceAwareTraining.fusionConfig(InstanceAwareTraining.parse(new String[] {"--weight-nets", "wide"})));
    }

    @Test
    void bothNetsComeFromTheModelAndNoFusionVariable() {
        List<String> log = new ArrayList<>();
        try (StageRunner runner = new StageRunner(Adam.Config.defaults(), 1, log::add)) {
            int n = InstanceAwareTraining.seedNetsFrom(runner, TinyInstanceModels.model(), TINY, log::add);
            List<String> names = FullNetStageNames.of(TINY);
            assertEquals(2 * names.size(), n);
            assertEquals(n, runner.weights().size());
            assertFalse(runner.weights().keySet().stream().anyMatch(k -> k.startsWith("fusion/")), "fusion variables must start afresh");
            // the instance net's weights are the model's instance net, not a copy of the full-image net
            String first = names.get(0);
            try (SavedModelBundle inst = SavedModelBundle.load(TinyInstanceModels.model().resolve("instance").toString(), "serve");
                    var value = (TFloat32) inst.session().runner().fetch(first).run().get(0)) {
                TFloat32 seeded = (TFloat32) runner.weights().get(InstanceAwareNet.INSTANCE + "/" + first);
                assertEquals(value.shape(), seeded.shape());
                assertEquals(value.getFloat(0, 0, 0, 0), seeded.getFloat(0, 0, 0, 0));
                assertEquals(value.getFloat(1, 1, 0, 1), seeded.getFloat(1, 1, 0, 1));
            }
        }
    }

    @Test
    void aModelOfAnotherWidthIsRefused() {
        try (StageRunner runner = new StageRunner(Adam.Config.defaults(), 1, s -> {})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstanceAwareTraining.seedNetsFrom(runner,
                    TinyInstanceModels.model(), Siggraph17Config.regression(0.25, 1), s -> {}));
            assertTrue(e.getMessage().contains("width 0.25"), e.getMessage());
        }
    }

    @Test
    void theCardKeepsTheNetStagesAndDropsTheOldFusion(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m");
        Files.createDirectories(model);
        JsonObject card = JsonParser.parseString(Files.readString(TinyInstanceModels.model().resolve("model.json"))).getAsJsonObject();
        JsonArray stages = new JsonArray();
        for (String name : new String[] {"full-image", "instance", "fusion"}) {
            JsonObject st = new JsonObject();
            st.addProperty("name", name);
            st.addProperty("steps", 3);
            stages.add(st);
        }
        JsonObject training = new JsonObject();
        training.add("stages", stages);
        card.add("training", training);
        Files.writeString(model.resolve("model.json"), card.toString());
        JsonArray kept = InstanceAwareTraining.netStages(model);
        assertEquals(2, kept.size());
        assertEquals("full-image", kept.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("instance", kept.get(1).getAsJsonObject().get("name").getAsString());
        card.addProperty("kind", "semantic");
        Files.writeString(model.resolve("model.json"), card.toString());
        assertThrows(IllegalArgumentException.class, () -> InstanceAwareTraining.netStages(model));
    }
}
