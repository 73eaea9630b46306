package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelRegistry;
import org.junit.jupiter.api.Test;

/**
 * The bundled diverse models: their cards carry source, license, training data and the measured
 * metrics; the ordinary colorizer registry serves them (one colorization), and the sampler draws
 * distinct samples from them.
 */
class ShippedDiverseModelsTest {
    private static final Path MODELS = Path.of("models");

    @Test
    void cardsCarryWhatTheyWereTrainedOnAndTheirMeasuredScores() throws Exception {
        for (String name : List.of("diverse-gan", "diverse-vae")) {
            ModelCard card = ModelCards.read(MODELS.resolve(name));
            assertEquals(name, card.kind());
            var json = card.json();
            for (String key : List.of("license", "source", "training_data", "training", "metrics")) {
                assertTrue(json.has(key), name + " has " + key);
            }
            var eval = json.getAsJsonObject("metrics").getAsJsonObject("public_eval_diverse");
            assertEquals(8, eval.getAsJsonArray("colorfulness_per_sample").size());
            assertEquals(16, eval.getAsJsonArray("images").size());
            assertTrue(json.getAsJsonObject("metrics").has("speed"));
        }
    }

    @Test
    void theRegistryServesThemAndSamplesDiffer() throws Exception {
        try (ModelRegistry registry = new ModelRegistry(List.of(MODELS))) {
            var source = ImagePlusAdapter.toSource(TestImages.gray8("scene", 80, 60));
            for (String name : List.of("diverse-gan", "diverse-vae")) {
                ColorizeOptions co = ColorizeOptions.defaults().withModel(name);
                ColorizeResult one = Colorizers.forModel(registry, name).colorize(source, co, ColorizeContext.defaults());
                assertEquals(1, one.colorizations().size());
                DiverseResult r = new DiverseColorizer(registry).sample(source, new DiverseOptions(co, 4, 1, false),
                        ColorizeContext.defaults());
                assertTrue(r.meanPairwiseDistance() > 1, name + ": samples differ by " + r.meanPairwiseDistance());
            }
        }
    }
}
