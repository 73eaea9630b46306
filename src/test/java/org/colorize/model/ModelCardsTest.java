package org.colorize.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.color.AbGamut;
import org.colorize.color.AnnealedMean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model cards: both schemas, the one builder, errors that name the file and the key. */
class ModelCardsTest {
    private static final Path MODELS = Path.of("models");

    private static ModelCardBuilder regression(String name) {
        return ModelCards.builder(name).component(ModelCard.FULL_IMAGE, c -> c.architecture("siggraph17-unet")
                .input("l", InputEncoding.L, 64).output("ab", OutputEncoding.AB));
    }

    /** Writes {@code text} as the card of a new folder {@code name} and reads it. */
    private static ModelCard readText(Path tmp, String name, String text) throws IOException, ColorizeException {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve(ModelCard.FILE_NAME), text.replace('\'', '"'));
        return ModelCards.read(folder);
    }

    private static ColorizeException refused(Path tmp, String name, String text) throws IOException {
        return assertThrows(ColorizeException.class, () -> readText(tmp, name, text));
    }

    private static String schemaTwo(String output) {
        return "{'schema': 2, 'name': 'm', 'components': {'full-image': {'signature': {"
                + "'inputs': {'l': {'encoding': 'l_centered', 'size': 64}}, 'outputs': {'ab_logits': " + output + "}}}}}";
    }

    @Test
    void aFlatCardIsSchemaOneWithTheDefaults(@TempDir Path tmp) throws Exception {
        ModelCard card = readText(tmp, "flat", "{}");
        assertEquals(1, card.schema());
        assertEquals("flat", card.name(), "named after its folder");
        assertEquals(CardDefaults.VERSION, card.version());
        assertEquals(ModelCard.FULL_IMAGE, card.kind());
        assertEquals("l", card.inputName());
        assertEquals(256, card.inputSize());
        assertEquals(InputEncoding.L_CENTERED, card.inputEncoding());
        assertEquals("ab", card.outputName());
        assertEquals(OutputEncoding.AB, card.outputEncoding());
        assertEquals(2, card.outputChannels());
        assertNull(card.outputBins());
        assertEquals(AnnealedMean.ZHANG_TEMPERATURE, card.temperature());
        assertFalse(card.isDefault());
        assertEquals(ModelCards.SCHEMA, card.json().get("schema").getAsInt(), "json() is the card in the current schema");
    }

    @Test
    void aSchemaOneCardIsUpgradedKeepingEveryField(@TempDir Path tmp) throws Exception {
        ModelCard card = readText(tmp, "old", "{'name': 'old', 'architecture': 'siggraph17-unet', 'width': 0.5, "
                + "'parameters': 123, 'input': {'name': 'gray', 'size': 64, 'encoding': 'l'}, "
                + "'output': {'name': 'ab_logits', 'encoding': 'ab_bins_logits', 'temperature': 0.5}, "
                + "'training': {'steps': 3}, 'evaluation': {'psnr': 20}, 'default': true}");
        assertEquals(1, card.schema());
        assertEquals("siggraph17-unet", card.architecture());
        assertEquals(0.5, card.main().architecture().width().getAsDouble());
        assertEquals(123, card.main().architecture().parameters().getAsLong());
        assertEquals("gray", card.inputName());
        assertEquals(64, card.inputSize());
        assertEquals(InputEncoding.L, card.inputEncoding());
        assertEquals("ab_logits", card.outputName());
        assertEquals(OutputEncoding.AB_BINS_LOGITS, card.outputEncoding());
        assertEquals(AbGamut.zhang(), card.outputBins(), "schema-1 distributions are over Zhang's bins");
        assertEquals(313, card.outputChannels());
        assertEquals(0.5, card.temperature());
        assertTrue(card.isDefault());
        assertEquals(3, card.json().getAsJsonObject("training").get("steps").getAsInt());
        assertEquals(20, card.json().getAsJsonObject("evaluation").get("psnr").getAsInt(), "unknown fields are kept");
        assertFalse(card.json().has("input") || card.json().has("width"), "moved into the component");
    }

    @Test
    void writtenCardsReadBackAsTheyWereBuilt(@TempDir Path tmp) throws Exception {
        JsonObject training = new JsonObject();
        training.addProperty("steps", 10);
        ModelCard built = regression("m").version("1").license("MIT").source("a test").training(training)
                .trainingData(new JsonPrimitive("nothing")).isDefault(true).build();
        ModelCards.write(built, tmp);
        ModelCard read = ModelCards.read(tmp);
        assertEquals(ModelCards.SCHEMA, read.schema());
        assertEquals(built.json(), read.json());
        assertEquals(List.of("schema", "name", "version", "kind", "components", "license", "source", "training_data",
                "training", "default"), List.copyOf(read.json().keySet()), "the written key order");
        assertEquals("m v1 (siggraph17-unet, ab, input 64², trained on nothing, license MIT)", read.summary());
        ModelCards.write(ModelCards.builder(read).isDefault(false).build(), tmp);
        assertFalse(ModelCards.read(tmp).isDefault());
        assertFalse(ModelCards.read(tmp).json().has("default"), "false is not written");
    }

    @Test
    void theShippedCardsAreSchemaTwoWithRelativePathsOnly() throws Exception {
        ModelCard semantic = ModelCards.read(MODELS.resolve("colorize-semantic-clean"));
        assertTrue(semantic.isDefault(), "the semantic model trained on the split alone is the default");
        ModelCard previous = ModelCards.read(MODELS.resolve("colorize-semantic"));
        assertFalse(previous.isDefault(), "one default only");
        assertEquals(semantic.main().signature().inputs(), previous.main().signature().inputs(), "the same inputs as the previous default");
        assertEquals("semantic", semantic.kind());
        assertEquals(128, semantic.inputSize());
        assertEquals(List.of("l", "feat_s8", "feat_s16", "hint_ab", "hint_mask", "global_hint"),
                semantic.main().signature().inputs().stream().map(i -> i.name()).toList(), "L, detector features, color hints");
        assertEquals(List.of(InputEncoding.L, InputEncoding.FEATURES, InputEncoding.FEATURES, InputEncoding.HINT_AB,
                InputEncoding.HINT_MASK, InputEncoding.GLOBAL_HINT),
                semantic.main().signature().inputs().stream().map(i -> i.encoding()).toList());
        assertEquals("detector", semantic.component("detector").orElseThrow().signature().savedModel());
        assertEquals(0.5, semantic.vividness(), 1e-12);
        ModelCard regression = ModelCards.read(MODELS.resolve("colorize-semantic-regression"));
        assertFalse(regression.isDefault(), "the regression variant lost by its rule and is not the default");
        assertEquals(semantic.main().signature().inputs(), regression.main().signature().inputs(), "the default's inputs");
        assertEquals(OutputEncoding.AB, regression.outputEncoding(), "the regression head gives ab directly");
        ModelCard def = ModelCards.read(MODELS.resolve("colorize-default"));
        assertEquals(ModelCards.SCHEMA, def.schema());
        assertFalse(def.isDefault(), "the first model is kept as a non-default");
        assertEquals(1, def.vividness(), 1e-12, "a card without vividness is not shrunk");
        assertEquals("ab_logits", def.outputName());
        assertEquals(OutputEncoding.AB_BINS_LOGITS, def.outputEncoding());
        assertEquals(AbGamut.ZHANG_313, def.main().output().bins());
        assertEquals(313, def.outputChannels());
        assertEquals(64, def.inputSize());
        assertEquals(InputEncoding.L, def.inputEncoding());
        assertTrue(def.json().getAsJsonObject("metrics").has("public_eval"), "measured metrics kept");
        ModelCard ihc = ModelCards.read(MODELS.resolve("ihc-stain"));
        assertEquals(OutputEncoding.AB, ihc.outputEncoding());
        for (ModelCard card : List.of(semantic, regression, def, ihc)) {
            assertNull(ModelCards.absolutePath(card.json(), ""), card.name());
            assertEquals("manifest.tsv", card.json().getAsJsonObject("training_data").get("manifest").getAsString());
        }
    }

    @Test
    void aCardOfSeveralComponentsIsServedByItsFullImageNetwork() throws Exception {
        ModelCard card = ModelCards.builder("inst").kind("instance-aware")
                .component("detector", c -> c.architecture("centernet").savedModel("detector")
                        .input("image", InputEncoding.L, 512).output("boxes", OutputEncoding.AB))
                .component(ModelCard.FULL_IMAGE, c -> c.savedModel("full").input("l", InputEncoding.L_CENTERED, 256)
                        .output("ab_bins", OutputEncoding.AB_BINS_PROBABILITIES, AbGamut.ZHANG_313, 0.5))
                .build();
        assertEquals("instance-aware", card.kind(), "kinds are the colorizer factory's to check");
        assertEquals(List.of("detector", ModelCard.FULL_IMAGE), card.components().stream().map(ModelComponent::role).toList());
        assertEquals("l", card.inputName());
        assertEquals(0.5, card.temperature());
        assertEquals(Path.of("/m/detector"), card.component("detector").orElseThrow().signature().folder(Path.of("/m")));
        assertEquals("centernet", card.component("detector").orElseThrow().architecture().name());
        assertTrue(card.component("fusion").isEmpty());
    }

    @Test
    void theDecoderUsesTheCardsBinSet() {
        AbGamut bins = AbGamut.square(10, 110);
        float[] logits = new float[bins.size()];
        int bin = bins.indexOf(-110, 100);
        logits[bin] = 100;
        float[] ab = AbDecoder.decode(logits, 1, OutputEncoding.AB_BINS_LOGITS, bins, 0.01);
        assertEquals(-110, ab[0], 1e-3);
        assertEquals(100, ab[1], 1e-3);
        assertEquals(529, OutputEncoding.AB_BINS_LOGITS.channels(bins));
        assertEquals(2, OutputEncoding.AB_OVER_110.channels(null));
    }

    @Test
    void aStringSizeNamesTheFileAndTheKey(@TempDir Path tmp) throws IOException {
        ColorizeException flat = refused(tmp, "flat", "{'input': {'size': '64'}}");
        assertTrue(flat.getMessage().contains(tmp.resolve("flat").resolve(ModelCard.FILE_NAME).toString()), flat.getMessage());
        assertTrue(flat.getMessage().contains("'input.size' must be a number"), flat.getMessage());
        ColorizeException two = refused(tmp, "two", schemaTwo("{'encoding': 'ab'}").replace("'size': 64", "'size': '64'"));
        assertTrue(two.getMessage().contains("'components.full-image.signature.inputs.l.size' must be a number"), two.getMessage());
        ColorizeException fraction = refused(tmp, "fraction", "{'input': {'size': 64.5}}");
        assertTrue(fraction.getMessage().contains("'input.size' must be a whole number"), fraction.getMessage());
        ColorizeException odd = refused(tmp, "odd", "{'input': {'size': 60}}");
        assertTrue(odd.getMessage().contains("'input.size' must be a positive multiple of 8"), odd.getMessage());
    }

    @Test
    void aStringTemperatureNamesTheKey(@TempDir Path tmp) throws IOException {
        ColorizeException flat = refused(tmp, "flat", "{'output': {'encoding': 'ab_bins_logits', 'temperature': 'warm'}}");
        assertTrue(flat.getMessage().contains("'output.temperature' must be a number, was \"warm\""), flat.getMessage());
        ColorizeException two = refused(tmp, "two", schemaTwo("{'encoding': 'ab_bins_logits', 'temperature': '0.38'}"));
        assertTrue(two.getMessage().contains("'components.full-image.signature.outputs.ab_logits.temperature'"), two.getMessage());
        ColorizeException negative = refused(tmp, "negative", schemaTwo("{'encoding': 'ab_bins_logits', 'temperature': -1}"));
        assertTrue(negative.getMessage().contains("must be positive"), negative.getMessage());
    }

    @Test
    void aComponentMissingARequiredKeyIsNamed(@TempDir Path tmp) throws IOException {
        ColorizeException signature = refused(tmp, "a", "{'schema': 2, 'name': 'm', 'components': {'full-image': {}}}");
        assertTrue(signature.getMessage().contains("'components.full-image.signature' is missing"), signature.getMessage());
        ColorizeException encoding = refused(tmp, "b", schemaTwo("{'bins': 'zhang313'}"));
        assertTrue(encoding.getMessage().contains("'components.full-image.signature.outputs.ab_logits.encoding' is missing"),
                encoding.getMessage());
        ColorizeException none = refused(tmp, "c", "{'schema': 2, 'name': 'm', 'components': {}}");
        assertTrue(none.getMessage().contains("'components' must name at least one entry"), none.getMessage());
        ColorizeException noFullImage = refused(tmp, "d", schemaTwo("{'encoding': 'ab'}").replace("'full-image'", "'detector'"));
        assertTrue(noFullImage.getMessage().contains("'components.full-image' is missing"), noFullImage.getMessage());
    }

    @Test
    void unknownNamesAreClearErrors(@TempDir Path tmp) throws IOException {
        ColorizeException bins = refused(tmp, "bins", schemaTwo("{'encoding': 'ab_bins_logits', 'bins': 'zhang529'}"));
        assertTrue(bins.getMessage().contains("'components.full-image.signature.outputs.ab_logits.bins'")
                && bins.getMessage().contains("unknown ab bin set 'zhang529' (known: siggraph529, zhang313)"), bins.getMessage());
        ColorizeException encoding = refused(tmp, "encoding", "{'input': {'encoding': 'lab'}}");
        assertTrue(encoding.getMessage().contains("'input.encoding'") && encoding.getMessage().contains("l_centered"),
                encoding.getMessage());
        ColorizeException schema = refused(tmp, "schema", "{'schema': 3, 'name': 'm'}");
        assertTrue(schema.getMessage().contains("'schema' is 3") && schema.getMessage().contains("schemas 1 to 2"),
                schema.getMessage());
        ColorizeException text = refused(tmp, "text", "{'schema': '2'}");
        assertTrue(text.getMessage().contains("'schema' must be a number"), text.getMessage());
        ColorizeException flag = refused(tmp, "flag", "{'default': 'yes'}");
        assertTrue(flag.getMessage().contains("'default' must be true or false"), flag.getMessage());
    }

    @Test
    void brokenJsonAndMissingCardsAreNamed(@TempDir Path tmp) throws IOException {
        ColorizeException json = refused(tmp, "broken", "{'name': ");
        assertTrue(json.getMessage().contains("not valid JSON") && json.getMessage().contains("broken"), json.getMessage());
        ColorizeException missing = assertThrows(ColorizeException.class, () -> ModelCards.read(tmp));
        assertTrue(missing.getMessage().contains("has no model.json"), missing.getMessage());
        ColorizeException nameless = assertThrows(ColorizeException.class, () -> ModelCards.parse("{}"));
        assertTrue(nameless.getMessage().contains("'name' is missing"), nameless.getMessage());
    }

    @Test
    void aComponentsSavedModelStaysInsideTheModelFolder(@TempDir Path tmp) throws IOException {
        for (String folder : List.of("/elsewhere", "../sibling", "a/../../b", "C:\\\\models", "")) {
            String text = schemaTwo("{'encoding': 'ab'}").replace("'inputs'", "'saved_model': '" + folder + "', 'inputs'");
            ColorizeException e = refused(tmp, "f" + Math.abs(folder.hashCode()), text);
            assertTrue(e.getMessage().contains("saved_model' must be a folder inside the model folder"), e.getMessage());
        }
    }

    @Test
    void cardsAreNeverWrittenWithAnAbsolutePath(@TempDir Path tmp) {
        JsonObject data = new JsonObject();
        data.addProperty("folder", tmp.toString());
        ModelCard card = regression("m").trainingData(data).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCards.write(card, tmp));
        assertTrue(e.getMessage().contains("'training_data.folder'"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve(ModelCard.FILE_NAME)));
    }

    @Test
    void anIncompleteBuildIsRefused() {
        CardFormatException e = assertThrows(CardFormatException.class, () -> ModelCards.builder("m").build());
        assertEquals("components", e.key());
    }
}
