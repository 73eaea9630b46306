package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.model.FakeChromaPredictor;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelKinds;
import org.colorize.model.ModelRegistry;
import org.colorize.model.OutputEncoding;
import org.colorize.model.TensorSpec;
import org.colorize.model.WeightsSource;
import org.colorize.runtime.DeviceChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detector in the models folder is listed as what it is, never picked or run as a colorizer. */
class NotColorizationModelsTest {
    /** A detector card (marked default, to show that does not make it the default colorizer) in {@code root/name}. */
    private static void detector(Path root, String name) throws IOException {
        ModelCards.write(ModelCards.builder(name).kind(ModelKinds.DETECTOR).isDefault(true)
                .component(ModelKinds.DETECTOR, c -> c.architecture("centernet")
                        .input("image", InputEncoding.RGB_0_255, TensorSpec.of(new long[] {1, 512, 512, 3}, "float32", null))
                        .output("detections", OutputEncoding.DETECTIONS, 0, TensorSpec.UNSTATED))
                .source(new WeightsSource("npm", "p", "1", Map.of(), null, null)).labels(List.of("person")).build(),
                Files.createDirectories(root.resolve(name)));
    }

    private static void colorizer(Path root, String name) throws IOException {
        Files.createDirectories(root.resolve(name));
        Files.copy(FakeChromaPredictor.cardFolder(name, ModelCard.FULL_IMAGE).resolve(ModelCard.FILE_NAME),
                root.resolve(name).resolve(ModelCard.FILE_NAME));
    }

    private static List<String> names(List<ModelEntry> entries) {
        return entries.stream().map(ModelEntry::name).toList();
    }

    @Test
    void aDetectorIsListedApartAndIsNeverTheDefault(@TempDir Path root) throws Exception {
        detector(root, "det");
        colorizer(root, "col");
        try (ModelRegistry registry = new ModelRegistry(List.of(root))) {
            assertEquals(List.of("col"), names(registry.list()));
            assertEquals(List.of("det"), names(registry.otherModels()));
            assertEquals("det (detector)", ModelRegistry.describe(registry.otherModels()));
            assertEquals("col", registry.defaultModel().name(), "the only colorizer, though the detector says default");
            assertEquals(root.resolve("det").toAbsolutePath().normalize(), registry.resolve("det"), "still found by name");
        }
    }

    @Test
    void usingADetectorToColorizeIsAClearError(@TempDir Path root) throws Exception {
        detector(root, "det");
        colorizer(root, "col");
        colorizer(root, "other");
        try (ModelRegistry registry = new ModelRegistry(List.of(root))) {
            ColorizeException e = assertThrows(ColorizeException.class, () -> Colorizers.forModel(registry, "det"));
            assertEquals("Model det is a detector (kind 'detector'), not a colorization model; colorization models here:"
                    + " col, other.", e.getMessage());
            ColorizeException byCard = assertThrows(ColorizeException.class,
                    () -> Colorizers.forCard(registry.card("det"), registry));
            assertTrue(byCard.getMessage().startsWith("Model det is a detector (kind 'detector'), not a colorization model")
                    && byCard.getMessage().contains("full-image"), byCard.getMessage());
            ColorizeException load = assertThrows(ColorizeException.class, () -> registry.load("det", DeviceChoice.CPU));
            assertTrue(load.getMessage().contains("not a colorization model"), load.getMessage());
        }
    }

    @Test
    void withOnlyADetectorThereIsNoDefaultModel(@TempDir Path root) throws Exception {
        detector(root, "det");
        try (ModelRegistry registry = new ModelRegistry(List.of(root))) {
            ColorizeException e = assertThrows(ColorizeException.class, registry::defaultModel);
            assertTrue(e.getMessage().startsWith("No colorization model installed (only det (detector))"), e.getMessage());
            ColorizeException run = assertThrows(ColorizeException.class, () -> Colorizers.forModel(registry, "det"));
            assertTrue(run.getMessage().endsWith("colorization models here: none."), run.getMessage());
        }
    }
}
