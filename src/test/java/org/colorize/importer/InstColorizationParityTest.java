package org.colorize.importer;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.colorize.detect.Box;
import org.colorize.image.SourceImage;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelRegistry;
import org.colorize.model.NamedInputsModel;
import org.colorize.nn.FusionConfig;
import org.colorize.nn.FusionGeometry;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.TfNatives;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.InstanceAwareColorizer;
import org.colorize.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * InstColorization's three networks imported together as one instance-aware model and checked
 * against an independently written PyTorch reference ({@code scripts/make-import-fixtures}: the
 * fusion generator with the published {@code module.}-prefixed keys, width 1/64, weight nets of 4
 * channels, random weights; two overlapping boxes): the full-image SavedModel against GComp, the
 * instance SavedModel against G on the crops, the fused SavedModel against GF fed with G's features,
 * each through DJL, from zip and legacy files.
 */
@Slow
class InstColorizationParityTest {
    private static final double TOLERANCE = 1e-4; // ab/110, the reference's own scale
    private static final double AB = 110;
    /** The zip-format import, made once: the parity and the serving test both read it. */
    private static final Map<String, Path> IMPORTED = new java.util.HashMap<>();
    private static final Map<String, InstColorizationImporter.Imported> RESULTS = new java.util.HashMap<>();

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static synchronized Path imported(String format) throws Exception {
        Path out = IMPORTED.get(format);
        if (out == null) {
            out = shared.resolve(format).resolve("models").resolve("instcolor");
            RESULTS.put(format, importFixture(format, out));
            IMPORTED.put(format, out);
        }
        return out;
    }

    private static JsonObject fixture() {
        return JsonParser.parseString(Fixtures.text("instcolor-fusion.json")).getAsJsonObject();
    }

    static InstColorizationImporter.Files files(String format) {
        return new InstColorizationImporter.Files(Fixtures.path("instcolor-full-" + format + ".pth"),
                Fixtures.path("instcolor-instance-" + format + ".pth"), Fixtures.path("instcolor-fusion-" + format + ".pth"));
    }

    static List<FusionGeometry.NetBox> boxes() {
        List<FusionGeometry.NetBox> boxes = new ArrayList<>();
        for (var b : fixture().getAsJsonArray("boxes")) {
            JsonArray a = b.getAsJsonArray();
            boxes.add(new FusionGeometry.NetBox(a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble(), a.get(3).getAsDouble()));
        }
        return boxes;
    }

    static InstColorizationImporter.Imported importFixture(String format, Path out) throws Exception {
        int size = fixture().get("size").getAsInt();
        int crop = fixture().get("crop_size").getAsInt();
        return InstColorizationImporter.importModel(files(format), out, size, crop, m -> {});
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zip", "legacy"})
    void theThreeNetworksReproducePyTorchThroughDjlAsOneModel(String format) throws Exception {
        Path out = imported(format);
        var r = RESULTS.get(format);
        int size = fixture().get("size").getAsInt();
        int crop = fixture().get("crop_size").getAsInt();
        assertTrue(r.exportDifference() <= 1e-6, "the exports reproduce the graphs: " + r.exportDifference());

        float[] l = Fixtures.floats("instcolor-full-input.f32");
        double full = maxDifference(ExportCheck.ab(out, l, size, size), Fixtures.floats("instcolor-full-expected.f32"));

        float[] crops = Fixtures.floats("instcolor-fusion-crops.f32");
        float[] instanceExpected = Fixtures.floats("instcolor-fusion-instance-expected.f32");
        int k = boxes().size();
        double instance = 0;
        for (int i = 0; i < k; i++) {
            float[] one = Arrays.copyOfRange(crops, i * crop * crop, (i + 1) * crop * crop);
            float[] want = Arrays.copyOfRange(instanceExpected, i * crop * crop * 2, (i + 1) * crop * crop * 2);
            instance = Math.max(instance, maxDifference(ExportCheck.ab(out.resolve("instance"), one, crop, crop), want));
        }

        float[] fusedAb = ExportCheck.ab(out.resolve("fusion"), org.colorize.pipeline.InstanceAwareColorizer.fusedInputs(l, size, crops, crop, boxes()));
        float[] fusedExpected = Fixtures.floats("instcolor-fusion-expected.f32");
        double fused = maxDifference(fusedAb, fusedExpected);
        double byFusion = maxDifference(fusedAb, Fixtures.floats("instcolor-full-expected.f32"));
        System.out.printf(Locale.ROOT, "parity instcolor (GComp+G+GF) %-6s max |diff| full-image %.3g, instance %.3g, fused %.3g"
                + " (ab/110; the fusion changes the output by %.3g)%n", format, full, instance, fused, byFusion);
        assertTrue(full <= TOLERANCE, "full-image " + full);
        assertTrue(instance <= TOLERANCE, "instance " + instance);
        assertTrue(fused <= TOLERANCE, "fused " + fused);
        assertTrue(byFusion > 100 * TOLERANCE, "the boxes must change the output for the fused parity to mean anything: " + byFusion);

        ModelCard card = ModelCards.read(out);
        assertEquals(InstanceAwareColorizer.KIND, card.kind());
        assertEquals(size, card.inputSize());
        assertEquals(crop, card.component("fusion").orElseThrow().signature().input("crops").orElseThrow().size());
        JsonObject json = JsonParser.parseString(ModelCards.toJson(card)).getAsJsonObject();
        JsonArray sources = json.getAsJsonObject("import").getAsJsonArray("files");
        assertEquals(3, sources.size());
        InstColorizationImporter.Files f = files(format);
        Path[] expectedFiles = {f.fullImage(), f.instance(), f.fusion()};
        for (int i = 0; i < 3; i++) {
            JsonObject s = sources.get(i).getAsJsonObject();
            assertEquals(expectedFiles[i].getFileName().toString(), s.get("file").getAsString());
            assertEquals(CheckpointImporter.sha256(expectedFiles[i]), s.get("sha256").getAsString());
        }
        JsonObject variant = json.getAsJsonObject("fusion_variant");
        assertEquals(fixture().get("weight_channels").getAsInt(), variant.get("weight_channels").getAsInt());
        assertEquals("zero-logit", variant.get("instance_outside_box").getAsString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("weight_layerout")), r.notes().toString());
    }

    /** Our own fusion variant (an instance excluded outside its box) would not reproduce GF: the configuration is needed. */
    @Test
    void theProjectsOwnFusionVariantDiffersFromThePublishedOne() throws Exception {
        int size = fixture().get("size").getAsInt();
        int crop = fixture().get("crop_size").getAsInt();
        Map<String, NamedInputsModel.Input> in = org.colorize.pipeline.InstanceAwareColorizer.fusedInputs(Fixtures.floats("instcolor-full-input.f32"), size,
                Fixtures.floats("instcolor-fusion-crops.f32"), crop, boxes());
        float[] expected = Fixtures.floats("instcolor-fusion-expected.f32");
        TfNatives.load();
        try (StateDict full = PthReader.read(files("zip").fullImage()); StateDict g = PthReader.read(files("zip").instance());
                StateDict gf = PthReader.read(files("zip").fusion())) {
            InstColorizationSpec published = InstColorizationSpec.of(InstColorizationSpec.fullImage(full), InstColorizationSpec.instance(g), gf);
            double same = maxDifference(runFused(published, g, gf, in, size, crop), expected);
            int w = published.fusion().weightChannels();
            double excluded = maxDifference(runFused(published.withFusion(new FusionConfig(w, FusionConfig.OutsideBox.EXCLUDED, true)),
                    g, gf, in, size, crop), expected);
            double unrectified = maxDifference(runFused(published.withFusion(new FusionConfig(w, FusionConfig.OutsideBox.ZERO_LOGIT, false)),
                    g, gf, in, size, crop), expected);
            double ours = maxDifference(runFused(published.withFusion(FusionConfig.COLORIZE.weightChannels() == w ? FusionConfig.COLORIZE
                    : new FusionConfig(w, FusionConfig.OutsideBox.EXCLUDED, false)), g, gf, in, size, crop), expected);
            System.out.printf(Locale.ROOT, "fusion variant vs GF: published %.3g; instance excluded outside its box %.3g; instance"
                    + " features at the up points unrectified %.3g; both (this project's) %.3g (ab/110)%n", same, excluded, unrectified, ours);
            assertTrue(same <= TOLERANCE, "published variant " + same);
            assertTrue(excluded > 100 * TOLERANCE, "the excluded variant must differ: " + excluded);
            assertTrue(unrectified > 100 * TOLERANCE, "the unrectified variant must differ: " + unrectified);
            assertTrue(ours > 100 * TOLERANCE, "this project's variant must differ: " + ours);
        }
    }

    private static float[] runFused(InstColorizationSpec spec, StateDict g, StateDict gf, Map<String, NamedInputsModel.Input> in, int size,
            int crop) throws Exception {
        try (Graph graph = new Graph(); Session s = new Session(graph)) {
            ParameterStore<TFloat32> store = ParameterStore.create(graph, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            var fused = spec.fused(store, size, crop);
            try (var a = WeightLoader.load(g, store, spec.instanceLayers(), InstColorizationSpec.INSTANCE_UNUSED, false);
                    var b = WeightLoader.load(gf, store, spec.fusionLayers(), InstColorizationSpec.FUSION_UNUSED, false)) {
                var values = new java.util.HashMap<String, TFloat32>(a.values());
                values.putAll(b.values());
                store.load(s, values, true);
            }
            return InstColorizationImporter.run(s, fused, in);
        }
    }

    @Test
    void theImportedFolderIsServedByTheInstanceAwareColorizer() throws Exception {
        Path models = imported("zip").getParent();
        int w = 64;
        int h = 48;
        byte[] p = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) p[y * w + x] = (byte) (40 + 3 * x + (y % 7) * 9);
        }
        try (ModelRegistry registry = new ModelRegistry(List.of(models))) {
            var colorizer = Colorizers.forModel(registry, "instcolor");
            assertTrue(colorizer instanceof InstanceAwareColorizer, colorizer.getClass().getName());
            Box a = new Box(8, 6, 40, 40, 1f, Box.NO_CLASS, "a");
            Box b = new Box(28, 4, 60, 24, 0.9f, Box.NO_CLASS, "b");
            ColorizeOptions options = ColorizeOptions.defaults().withModel("instcolor");
            var with = ((InstanceAwareColorizer) colorizer).withBoxes(image -> List.of(a, b), 8)
                    .colorize(SourceImage.of(ArrayImgs.unsignedBytes(p, w, h), "g"), options, ColorizeContext.defaults());
            var without = ((InstanceAwareColorizer) colorizer).withBoxes(null, 8)
                    .colorize(SourceImage.of(ArrayImgs.unsignedBytes(p, w, h), "g"), options, ColorizeContext.defaults());
            assertTrue(with.first().provenance().pipeline().contains("2 boxes"), with.first().provenance().pipeline());
            double[] x = values(with.first().image());
            double[] y = values(without.first().image());
            assertEquals(x.length, y.length);
            assertFalse(Arrays.equals(x, y), "the fused graph (two boxes) must change the colors");
        }
    }

    private static double[] values(net.imglib2.RandomAccessibleInterval<?> img) {
        List<Double> v = new ArrayList<>();
        for (Object t : Views.flatIterable(img)) {
            if (t instanceof ARGBType c) v.add((double) c.get());
            else v.add(((RealType<?>) t).getRealDouble());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void aFusionFileWithoutTheModulePrefixOrWithWrongShapesIsRefusedWithTheReason() throws Exception {
        Path out = tmp.resolve("models/instcolor");
        // G given where GF belongs: saved unwrapped, no module. prefix
        var bare = new InstColorizationImporter.Files(Fixtures.path("instcolor-full-zip.pth"), Fixtures.path("instcolor-instance-zip.pth"),
                Fixtures.path("instcolor-instance-legacy.pth"));
        var e = assertThrows(CheckpointException.class, () -> InstColorizationImporter.importModel(bare, out, 32, 32, m -> {}));
        assertTrue(e.getMessage().startsWith("instcolor-instance-legacy.pth cannot be imported as InstColorization's fusion network"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'module.'") && e.getMessage().contains("G or GComp, not GF"), e.getMessage());
        assertFalse(Files.exists(out.getParent()), "nothing written");

        // GF given where G belongs
        var swapped = new InstColorizationImporter.Files(Fixtures.path("instcolor-full-zip.pth"), Fixtures.path("instcolor-fusion-zip.pth"),
                Fixtures.path("instcolor-fusion-zip.pth"));
        e = assertThrows(CheckpointException.class, () -> InstColorizationImporter.importModel(swapped, out, 32, 32, m -> {}));
        assertTrue(e.getMessage().contains("give it as --fusion"), e.getMessage());

        // a GF whose generator is wider than G's
        Path wrong = tmp.resolve("gf-wrong.pth");
        PickleBytes.writeZip(wrong, PickleBytes.stateDict("module.model1.0.weight", 3, 4, 3, 3).bytes(), new byte[3 * 4 * 9 * 4]);
        var wrongShapes = new InstColorizationImporter.Files(Fixtures.path("instcolor-full-zip.pth"),
                Fixtures.path("instcolor-instance-zip.pth"), wrong);
        e = assertThrows(CheckpointException.class, () -> InstColorizationImporter.importModel(wrongShapes, out, 32, 32, m -> {}));
        assertTrue(e.getMessage().startsWith("gf-wrong.pth cannot be imported as InstColorization's fusion network"), e.getMessage());
        assertTrue(e.getMessage().contains("width"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var dir = Files.list(tmp)) {
            assertTrue(dir.noneMatch(q -> q.getFileName().toString().endsWith(".part")), "no temporary folder left");
        }
    }

    private static double maxDifference(float[] oursAb, float[] reference) {
        assertEquals(reference.length, oursAb.length, "output size");
        double max = 0;
        for (int i = 0; i < oursAb.length; i++) max = Math.max(max, Math.abs(oursAb[i] / AB - reference[i]));
        return max;
    }
}
