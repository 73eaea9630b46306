package org.colorize.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 2 carrying what a detector needs: tensor facts per signature entry (shape, dtype, stride,
 * node), the non-colorization encodings, labels and a package source; colorizer cards as they were.
 */
class DetectorSchemaCardsTest {
    private static final Path MODELS = Path.of("models");

    private static ModelCardBuilder detector(String name) {
        return ModelCards.builder(name).version("1.0").kind(ModelKinds.DETECTOR)
                .component("detector", c -> c.architecture("centernet")
                        .input("image", InputEncoding.RGB_0_255, TensorSpec.of(new long[] {1, 384, 500, 3}, "float32", "in"))
                        .output("detections", OutputEncoding.DETECTIONS,
                                0, TensorSpec.of(new long[] {1, TensorSpec.ANY, 6}, "float32", "det"))
                        .output("heatmap", OutputEncoding.CLASS_HEATMAP, 4, TensorSpec.of(new long[] {1, 96, 125, 3}, "float32", null))
                        .output("features_s8", OutputEncoding.FEATURES, 8, TensorSpec.of(new long[] {1, 48, 63, 96}, "float16", "n8")))
                .license("MIT")
                .source(new WeightsSource("npm", "@a/b", "1.0", Map.of("models/x.json", "00ff"), "gen", null))
                .labels(List.of("cat", "dog", "bird"));
    }

    private static ModelCard readText(Path tmp, String name, String text) throws IOException, ColorizeException {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve(ModelCard.FILE_NAME), text.replace('\'', '"'));
        return ModelCards.read(folder);
    }

    private static String detectorText(String input, String output) {
        return "{'schema': 2, 'name': 'd', 'kind': 'detector', 'components': {'detector': {'signature': {"
                + "'inputs': {'image': " + input + "}, 'outputs': {'o': " + output + "}}}}}";
    }

    @Test
    void aDetectorCardKeepsEveryTensorFactThroughWriteAndRead(@TempDir Path tmp) throws Exception {
        ModelCard built = detector("d").build();
        ModelCards.write(built, tmp);
        ModelCard read = ModelCards.read(tmp);
        assertEquals(built.json(), read.json());
        assertEquals(ModelKinds.DETECTOR, read.kind());
        assertFalse(read.isColorization());
        ModelComponent c = read.component("detector").orElseThrow();
        assertEquals("centernet", c.architecture().name());
        SignatureInput in = c.input();
        assertEquals(new SignatureInput("image", InputEncoding.RGB_0_255, 0,
                new TensorSpec(List.of(1L, 384L, 500L, 3L), "float32", "in")), in, "a non-square RGB input needs no size");
        List<SignatureOutput> outs = c.signature().outputs();
        assertEquals(List.of(
                new SignatureOutput("detections", OutputEncoding.DETECTIONS, null, CardDefaults.TEMPERATURE, 0,
                        new TensorSpec(List.of(1L, -1L, 6L), "float32", "det")),
                new SignatureOutput("heatmap", OutputEncoding.CLASS_HEATMAP, null, CardDefaults.TEMPERATURE, 4,
                        new TensorSpec(List.of(1L, 96L, 125L, 3L), "float32", null)),
                new SignatureOutput("features_s8", OutputEncoding.FEATURES, null, CardDefaults.TEMPERATURE, 8,
                        new TensorSpec(List.of(1L, 48L, 63L, 96L), "float16", "n8"))), outs);
        assertEquals(96, outs.get(2).channels(), "a feature map's channels are its shape's");
        assertEquals(List.of("cat", "dog", "bird"), read.labels());
        assertEquals(new WeightsSource("npm", "@a/b", "1.0", Map.of("models/x.json", "00ff"), "gen", null),
                read.weightsSource().orElseThrow());
        String text = Files.readString(tmp.resolve(ModelCard.FILE_NAME));
        assertTrue(text.contains("\"stride\": 8") && text.contains("\"node\": \"n8\"") && !text.contains("converted_by")
                && !text.contains("\"size\""), text);
        assertEquals("d v1.0 (detector, centernet, 3 classes, license MIT)", read.summary());
    }

    @Test
    void theCommittedDetectorCardIsSchemaTwo() throws Exception {
        ModelCard card = ModelCards.read(MODELS.resolve("coco-centernet"));
        assertEquals(ModelCards.SCHEMA, card.schema());
        assertEquals(ModelKinds.DETECTOR, card.kind());
        assertEquals(80, card.labels().size());
        assertEquals("npm", card.weightsSource().orElseThrow().registry());
        ModelComponent c = card.component("detector").orElseThrow();
        assertEquals(List.of(1L, 512L, 512L, 3L), c.input().tensor().shape());
        assertEquals(List.of(0, 4, 4, 8, 16, 32), c.signature().outputs().stream().map(SignatureOutput::stride).toList());
        assertNull(ModelCards.absolutePath(card.json(), ""));
    }

    @Test
    void theShippedColorizerCardsAreWrittenBackByteForByte() throws Exception {
        for (String model : List.of("colorize-default", "ihc-stain")) {
            Path folder = MODELS.resolve(model);
            ModelCard card = ModelCards.read(folder);
            assertTrue(card.isColorization());
            assertTrue(card.labels().isEmpty() && card.weightsSource().isEmpty(), "a sentence source is no package");
            assertEquals(Files.readString(folder.resolve(ModelCard.FILE_NAME), StandardCharsets.UTF_8), ModelCards.toJson(card),
                    model + ": the extended schema reads and writes the existing card unchanged");
        }
    }

    @Test
    void sizeRulesStayForLightnessInputs(@TempDir Path tmp) throws IOException {
        ColorizeException odd = assertThrows(ColorizeException.class, () -> readText(tmp, "odd",
                detectorText("{'encoding': 'l', 'size': 60}", "{'encoding': 'features'}")));
        assertTrue(odd.getMessage().contains("'components.detector.signature.inputs.image.size' must be a positive multiple of 8"),
                odd.getMessage());
        ColorizeException rgbSize = assertThrows(ColorizeException.class, () -> readText(tmp, "rgb",
                detectorText("{'encoding': 'rgb_0_255', 'size': 0}", "{'encoding': 'features'}")));
        assertTrue(rgbSize.getMessage().contains("inputs.image.size' must be positive"), rgbSize.getMessage());
    }

    @Test
    void aFullImageNetworkMustTakeLightnessAndReturnChroma(@TempDir Path tmp) throws IOException {
        String rgbIn = "{'schema': 2, 'name': 'm', 'components': {'full-image': {'signature': {"
                + "'inputs': {'image': {'encoding': 'rgb_0_255'}}, 'outputs': {'ab': {'encoding': 'ab'}}}}}}";
        ColorizeException in = assertThrows(ColorizeException.class, () -> readText(tmp, "in", rgbIn));
        assertTrue(in.getMessage().contains("'components.full-image.signature.inputs.image.encoding' must be a lightness"),
                in.getMessage());
        String boxesOut = rgbIn.replace("rgb_0_255", "l_centered").replace("'encoding': 'ab'", "'encoding': 'detections'");
        ColorizeException out = assertThrows(ColorizeException.class, () -> readText(tmp, "out", boxesOut));
        assertTrue(out.getMessage().contains("'components.full-image.signature.outputs.ab.encoding' must be chroma"),
                out.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutputEncoding.FEATURES.channels(null));
        assertThrows(UnsupportedOperationException.class, () -> InputEncoding.RGB_0_255.encode(50));
    }

    @Test
    void badTensorFactsNameTheKey(@TempDir Path tmp) throws IOException {
        Map<String, String> cases = Map.of(
                "{'encoding': 'features', 'shape': [1, -2, 4]}", "'components.detector.signature.outputs.o.shape[1]' must be a positive size or -1",
                "{'encoding': 'features', 'shape': [1, 'x']}", "'components.detector.signature.outputs.o.shape[1]' must be a number",
                "{'encoding': 'features', 'shape': 4}", "'components.detector.signature.outputs.o.shape' must be a list",
                "{'encoding': 'features', 'stride': 0}", "'components.detector.signature.outputs.o.stride' must be a positive whole number",
                "{'encoding': 'features', 'dtype': 7}", "'components.detector.signature.outputs.o.dtype' must be a string",
                "{'encoding': 'boxes'}", "'components.detector.signature.outputs.o.encoding' is invalid");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String text = detectorText("{'encoding': 'rgb_0_255'}", c.getKey());
            ColorizeException e = assertThrows(ColorizeException.class, () -> readText(tmp, "c" + System.nanoTime(), text));
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " → " + e.getMessage());
            n++;
        }
        assertEquals(6, n);
    }

    @Test
    void labelsAndSourceAreChecked(@TempDir Path tmp) throws IOException {
        String base = detectorText("{'encoding': 'rgb_0_255'}", "{'encoding': 'detections'}");
        ColorizeException labels = assertThrows(ColorizeException.class,
                () -> readText(tmp, "l", base.replace("'kind'", "'labels': ['a', 3], 'kind'")));
        assertTrue(labels.getMessage().contains("'labels[1]' must be a string"), labels.getMessage());
        ColorizeException source = assertThrows(ColorizeException.class,
                () -> readText(tmp, "s", base.replace("'kind'", "'source': {'registry': 'npm', 'version': '1'}, 'kind'")));
        assertTrue(source.getMessage().contains("'source.package' is missing"), source.getMessage());
        ColorizeException list = assertThrows(ColorizeException.class,
                () -> readText(tmp, "t", base.replace("'kind'", "'source': ['npm'], 'kind'")));
        assertTrue(list.getMessage().contains("'source' must be a sentence or an object"), list.getMessage());
    }
}
