package org.colorize.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import org.colorize.color.AbGamut;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Tensors;
import org.colorize.nn.TfNatives;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Parity with independently written PyTorch references ({@code scripts/make-import-fixtures}:
 * published key names, width 1/64, random weights and batch-norm statistics): each checkpoint,
 * in both file formats, is imported into a model folder, run through DJL as Colorize serves it,
 * and compared with PyTorch's output on the same L image — and, for the SIGGRAPH17 family, with
 * color hints through the hint channels.
 */
class ImportParityTest {
    /** On the reference's own output scale: ab for Zhang's releases, ab/110 for InstColorization's. */
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"eccv16, zip", "eccv16, legacy", "siggraph17, zip", "siggraph17, legacy", "instcolor-full, zip",
        "instcolor-full, legacy", "instcolor-instance, zip", "instcolor-instance, legacy"})
    void importedModelReproducesPyTorchThroughDjl(String archKey, String format) throws Exception {
        ImportArchitecture arch = ImportArchitecture.parse(archKey);
        Path file = Fixtures.path(archKey + "-" + format + ".pth");
        Path out = tmp.resolve("models").resolve(archKey);
        var messages = new ArrayList<String>();
        CheckpointImporter.Imported r = CheckpointImporter.importCheckpoint(file, arch, out, messages::add);
        assertTrue(Files.isRegularFile(out.resolve("saved_model.pb")));
        assertEquals(0.0, r.exportDifference(), 1e-6, "the export reproduces the graph");

        float[] l = Fixtures.floats(archKey + "-input.f32");
        int size = (int) Math.round(Math.sqrt(l.length));
        float[] got = ExportCheck.ab(out, l, size, size);
        double scale = outputScale(archKey);
        double diff = maxDifference(got, Fixtures.floats(archKey + "-expected.f32"), scale);
        System.out.printf(Locale.ROOT, "parity %-19s %-6s max |diff| = %.3g (%s)%n", archKey, format, diff,
                scale == 1 ? "ab" : "ab/110");
        assertTrue(diff <= TOLERANCE, archKey + " " + format + ": max |difference| " + diff);

        ModelCard card = ModelCards.read(out);
        JsonObject json = JsonParser.parseString(ModelCards.toJson(card)).getAsJsonObject();
        JsonObject imported = json.getAsJsonObject("import");
        assertEquals(file.getFileName().toString(), imported.get("file").getAsString());
        assertEquals(CheckpointImporter.sha256(file), imported.get("sha256").getAsString());
        assertEquals(CheckpointImporter.LICENSE, card.license());
        assertEquals("ab", card.outputName());
        var logits = card.main().signature().output("ab_logits");
        assertTrue(logits.isPresent(), "class head in the card");
        assertEquals(archKey.equals("eccv16") ? AbGamut.ZHANG_313 : AbGamut.SIGGRAPH_529, logits.get().bins());
        assertEquals(archKey.equals("eccv16") ? 313 : 529, logits.get().gamut().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"siggraph17", "instcolor-full", "instcolor-instance"})
    void hintChannelsMatchPyTorch(String archKey) throws Exception {
        float[] l = Fixtures.floats(archKey + "-input.f32");
        float[] hints = Fixtures.floats(archKey + "-hints.f32");
        int size = (int) Math.round(Math.sqrt(l.length));
        TfNatives.load();
        try (StateDict sd = PthReader.read(Fixtures.path(archKey + "-zip.pth"));
                Graph g = new Graph(); Session s = new Session(g)) {
            Siggraph17Spec spec = (Siggraph17Spec) ImportArchitecture.parse(archKey).spec(sd);
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            var lIn = store.tf().withName("l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            var hIn = store.tf().withName("hints").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
            var ab = spec.hinted(store, lIn, hIn);
            try (var loaded = WeightLoader.load(sd, store, spec.layers())) {
                store.load(s, loaded.values(), true);
            }
            try (TFloat32 lt = Tensors.of(Shape.of(1, size, size, 1), l); TFloat32 ht = Tensors.of(Shape.of(1, size, size, 3), hints);
                    Result r = s.runner().feed(lIn, lt).feed(hIn, ht).fetch(ab).run()) {
                double[] got = Tensors.values(r.get(0));
                float[] gotF = new float[got.length];
                for (int i = 0; i < got.length; i++) gotF[i] = (float) got[i];
                double diff = maxDifference(gotF, Fixtures.floats(archKey + "-expected-hinted.f32"), outputScale(archKey));
                double unhinted = maxDifference(gotF, Fixtures.floats(archKey + "-expected.f32"), outputScale(archKey));
                System.out.printf(Locale.ROOT, "hinted %-19s max |diff| = %.3g (the hints change the output by %.3g)%n", archKey,
                        diff, unhinted);
                assertTrue(diff <= TOLERANCE, "hinted " + archKey + ": " + diff);
                assertTrue(unhinted > 100 * TOLERANCE, "the hints must matter for this test to mean anything");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"siggraph17", "instcolor-full"})
    void aFileOfTheOtherFamilyIsRefusedWithTheReason(String archKey) throws Exception {
        Path out = tmp.resolve("wrong");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.colorize.ColorizeException.class,
                () -> CheckpointImporter.importCheckpoint(Fixtures.path(archKey + "-zip.pth"), ImportArchitecture.ECCV16, out, m -> {}));
        assertTrue(e.getMessage().contains("--arch siggraph17"), e.getMessage());
        assertTrue(Files.notExists(out));
        try (var dir = Files.list(tmp)) {
            assertEquals(0, dir.count(), "no temporary folder is left");
        }
        e = org.junit.jupiter.api.Assertions.assertThrows(org.colorize.ColorizeException.class,
                () -> CheckpointImporter.importCheckpoint(Fixtures.path("eccv16-zip.pth"), ImportArchitecture.parse(archKey), out, m -> {}));
        assertTrue(e.getMessage().contains("--arch eccv16"), e.getMessage());
        assertNull(null);
    }

    /** InstColorization's reference returns ab/110; ours serves ab. */
    private static double outputScale(String archKey) {
        return archKey.startsWith("instcolor") ? 110 : 1;
    }

    private static double maxDifference(float[] oursAb, float[] reference, double scale) {
        assertEquals(reference.length, oursAb.length, "output size");
        double max = 0;
        for (int i = 0; i < oursAb.length; i++) max = Math.max(max, Math.abs(oursAb[i] / scale - reference[i]));
        return max;
    }
}
