package org.colorize.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelComponent;
import org.colorize.model.OutputEncoding;
import org.colorize.model.SignatureInput;
import org.colorize.model.SignatureOutput;
import org.colorize.model.TensorSpec;
import org.colorize.model.WeightsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorCardTest {
    @TempDir
    Path dir;

    @Test
    void writtenCardReadsBackTheSame() throws Exception {
        DetectorCard card = new DetectorCard("d", "v1", "arch", "MIT",
                new DetectorCard.Source("npm", "@a/b", "1.0", Map.of("models/x.json", "00ff"), "gen", "conv"),
                CocoLabels.LABELS,
                new DetectorCard.Tensor("image", new long[] {1, 512, 512, 3}, "float32", "rgb_0_255", 0, "in"),
                List.of(new DetectorCard.Tensor("features_s8", new long[] {1, 64, 64, 96}, "float32", "features", 8, "n8"),
                        new DetectorCard.Tensor("features_s4", new long[] {1, 128, 128, 72}, "float32", "features", 4, "n4")));
        DetectorCardWriter.write(card, dir);
        DetectorCard read = DetectorCard.read(dir);
        assertEquals(card, read);
        assertEquals(List.of(4, 8), read.taps().stream().map(DetectorCard.Tensor::stride).toList());
        // The file is an ordinary schema-2 card: ModelCards reads every tensor fact.
        ModelCard model = ModelCards.read(dir);
        assertEquals(ModelCards.SCHEMA, model.schema());
        assertEquals(DetectorCard.KIND, model.kind());
        assertFalse(model.isColorization());
        ModelComponent detector = model.component(DetectorCard.KIND).orElseThrow();
        assertEquals("arch", detector.architecture().name());
        assertEquals(new SignatureInput("image", InputEncoding.RGB_0_255, 0,
                new TensorSpec(List.of(1L, 512L, 512L, 3L), "float32", "in")), detector.input());
        SignatureOutput s8 = detector.signature().output("features_s8").orElseThrow();
        assertEquals(OutputEncoding.FEATURES, s8.encoding());
        assertEquals(8, s8.stride());
        assertEquals(new TensorSpec(List.of(1L, 64L, 64L, 96L), "float32", "n8"), s8.tensor());
        assertEquals(CocoLabels.LABELS, model.labels());
        assertEquals(Map.of("models/x.json", "00ff"), model.weightsSource().orElseThrow().sha256());
        assertEquals("conv", model.weightsSource().orElseThrow().convertedBy());
    }

    @Test
    void theCommittedCardIsWhatTheWriterWrites() throws Exception {
        String committed = Files.readString(DetectorTest.MODEL.resolve("model.json"));
        assertEquals(committed, ModelCards.toJson(DetectorCardWriter.toCard(DetectorCard.read(DetectorTest.MODEL))));
        assertTrue(committed.contains("\"components\": {\n    \"detector\": {"), "components is an object of roles");
    }

    @Test
    void committedCardDescribesTheConvertedModel() throws Exception {
        DetectorCard card = DetectorCard.read(DetectorTest.MODEL);
        assertEquals(80, card.labels().size());
        assertEquals("person", card.labels().get(0));
        assertEquals("motorcycle", card.labels().get(3));
        assertEquals("bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05",
                card.source().sha256().get("models/centernet.json"));
        assertEquals("1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef",
                card.source().sha256().get("models/centernet.bin"));
        assertEquals(List.of(4, 8, 16, 32), card.taps().stream().map(DetectorCard.Tensor::stride).toList());
        assertEquals("centernet-mobilenetv3", card.architecture());
        assertEquals(List.of(1L, 512L, 512L, 3L), java.util.Arrays.stream(card.input().shape()).boxed().toList());
        assertEquals("rgb_0_255", card.input().encoding());
        DetectorCard.Tensor detections = card.output("detections");
        assertEquals("detections", detections.encoding());
        assertEquals("tower_0/detections", detections.node());
        assertEquals(4, card.output("heatmap").stride());
        assertEquals("class_heatmap", card.output("heatmap").encoding());
    }

    @Test
    void aColorizationCardIsNotADetectorCard() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{\"name\": \"x\", \"kind\": \"full-image\"}");
        ColorizeException e = assertThrows(ColorizeException.class, () -> DetectorCard.read(dir));
        assertTrue(e.getMessage().contains("is not a detector card: its kind is 'full-image'"), e.getMessage());
    }

    @Test
    void aDetectorCardWithoutTensorShapesIsRefused() throws Exception {
        ModelCards.write(ModelCards.builder("d").kind(DetectorCard.KIND)
                .component(DetectorCard.KIND, c -> c.input("image", InputEncoding.RGB_0_255, TensorSpec.UNSTATED)
                        .output("detections", OutputEncoding.DETECTIONS))
                .source(new WeightsSource("npm", "p", "1", Map.of(), null, null)).labels(List.of("a")).build(), dir);
        ColorizeException e = assertThrows(ColorizeException.class, () -> DetectorCard.read(dir));
        assertTrue(e.getMessage().contains("tensor 'image' must state its shape and dtype"), e.getMessage());
    }
}
