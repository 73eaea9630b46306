package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;
import org.colorize.ColorizeCanceledException;
import org.colorize.ColorizeException;
import org.colorize.color.Lab;
import org.colorize.image.SourceImage;
import org.colorize.image.Upsampling;
import org.colorize.model.FakeChromaPredictor;
import org.colorize.model.ModelRegistry;
import org.colorize.runtime.CancelFlag;
import org.colorize.runtime.DeviceChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core on ImgLib2 images with a pure-Java predictor: no network, no ImageJ. */
class CoreColorizationTest {
    private static final ColorizeOptions OPTIONS = new ColorizeOptions("fake", DeviceChoice.CPU, Upsampling.BILINEAR, Double.NaN);

    private static FullImageColorizer colorizer(FakeChromaPredictor fake) {
        return new FullImageColorizer((model, device) -> fake);
    }

    /** The ARGB pixels of one plane of an ARGB result. */
    static int[] argb(Img<?> image, int plane) {
        if (image instanceof ArrayImg<?, ?> a) return (int[]) ((ArrayDataAccess<?>) a.update(null)).getCurrentStorageArray();
        return (int[]) ((PlanarImg<?, ?>) image).getPlane(plane).getCurrentStorageArray();
    }

    /** Checks that pixel (x, y) has the input's L and the fake's ab for that L. */
    static void assertRuleColor(int[] argb, int w, int x, int y, int gray) {
        double[] lab = new double[3];
        int c = argb[y * w + x];
        Lab.fromSrgb(((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0, lab);
        double l = Lab.lightnessOfGray(gray / 255.0);
        assertEquals(l, lab[0], 1.0, "L kept at (" + x + ", " + y + ")");
        assertEquals(FakeChromaPredictor.a((float) l), lab[1], 2.5, "a by the rule at (" + x + ", " + y + ")");
        assertEquals(FakeChromaPredictor.B, lab[2], 2.5, "b by the rule at (" + x + ", " + y + ")");
    }

    @Test
    void anArrayImgGetsTheRuleColorsAtFullSizeAndKeepsItsLightness() throws Exception {
        ArrayImg<?, ?> gray = SyntheticImgs.halves(200, 120, 1);
        ColorizeResult result = colorizer(FakeChromaPredictor.create(4)).colorize(SourceImage.of(gray, "halves.png"), OPTIONS,
                ColorizeContext.defaults());
        Colorization c = result.first();
        assertEquals(1, result.colorizations().size());
        assertTrue(c.seed().isEmpty(), "full-image colorization is deterministic");
        assertTrue(c.image().firstElement() instanceof ARGBType);
        assertEquals(200, c.image().dimension(0));
        assertEquals(120, c.image().dimension(1));
        assertEquals("halves-colorized", c.metadata().title());
        int[] argb = argb(c.image(), 0);
        assertRuleColor(argb, 200, 20, 60, SyntheticImgs.LEFT);
        assertRuleColor(argb, 200, 180, 60, SyntheticImgs.RIGHT);
        assertTrue(c.provenance().text().contains("Model: fake-rule") && c.provenance().text().contains("Device: java (fake)"),
                c.provenance().text());
        assertEquals("fake-rule", c.provenance().properties().get("Colorize-Model"));
    }

    @Test
    void aViewIsReadThroughItsRandomAccessWithTheSameResult() throws Exception {
        ArrayImg<?, ?> gray = SyntheticImgs.halves(96, 64, 1);
        RandomAccessibleInterval<?> view = Views.translate(gray, 10, -3);
        FullImageColorizer colorizer = colorizer(FakeChromaPredictor.create(4));
        int[] direct = argb(colorizer.colorize(SourceImage.of(gray, "a"), OPTIONS, ColorizeContext.defaults()).first().image(), 0);
        int[] viaView = argb(colorizer.colorize(SourceImage.of(view, "a"), OPTIONS, ColorizeContext.defaults()).first().image(), 0);
        assertArrayEquals(direct, viaView);
    }

    @Test
    void theStacksPlanesReachThePredictorInBatchesAndABlankPlaneIsSkipped() throws Exception {
        ArrayImg<?, ?> stack = SyntheticImgs.halves(40, 32, 6);
        byte[] pixels = (byte[]) ((ArrayDataAccess<?>) stack.update(null)).getCurrentStorageArray();
        java.util.Arrays.fill(pixels, 2 * 40 * 32, 3 * 40 * 32, (byte) 0); // plane 3 blank
        FakeChromaPredictor fake = FakeChromaPredictor.create(2);
        ColorizeResult result = colorizer(fake).colorize(SourceImage.of(stack, "stack"), OPTIONS, ColorizeContext.defaults());
        assertEquals(List.of(2, 2, 1), fake.batchSizes(), "5 planes with content in batches of at most 2");
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("Slice 3")), result.warnings().toString());
        Img<?> out = result.first().image();
        assertEquals(3, out.numDimensions());
        assertEquals(6, out.dimension(2));
        for (int z : new int[] {0, 1, 3, 5}) assertRuleColor(argb(out, z), 40, 5, 16, SyntheticImgs.LEFT);
        for (int v : argb(out, 2)) assertEquals(0xff000000, v, "the blank plane stays black");
    }

    @Test
    void sixteenBitBecomesThreeChannelsOnTheInputRange() throws Exception {
        Img<?> out = colorizer(FakeChromaPredictor.create(4)).colorize(SourceImage.of(SyntheticImgs.halves16(64, 48), "g16"),
                OPTIONS, ColorizeContext.defaults()).first().image();
        assertTrue(out.firstElement() instanceof UnsignedShortType);
        assertEquals(3, out.numDimensions());
        assertEquals(3, out.dimension(2), "channels r, g, b");
        short[] red = (short[]) ((PlanarImg<?, ?>) out).getPlane(0).getCurrentStorageArray();
        int max = 0;
        for (short v : red) max = Math.max(max, v & 0xffff);
        assertTrue(max <= 4001 && max > 1000, "on the input's data range, max " + max);
    }

    @Test
    void cancelingStopsAMultiPlaneRunBetweenPlanes() {
        CancelFlag cancel = new CancelFlag();
        FakeChromaPredictor fake = FakeChromaPredictor.create(1).onCall(call -> {
            if (call == 2) cancel.cancel();
        });
        ColorizeContext context = ColorizeContext.of(ProgressListener.NONE, cancel);
        assertThrows(ColorizeCanceledException.class, () -> colorizer(fake).colorize(
                SourceImage.of(SyntheticImgs.halves(40, 32, 4), "stack"), OPTIONS, context));
        assertEquals(2, fake.batchSizes().size(), "planes 3 and 4 never reach the network");
    }

    @Test
    void theRowLoopsRunOnTheExecutorTheHostGives() throws Exception {
        AtomicInteger helpers = new AtomicInteger();
        Executor counting = task -> new Thread(() -> {
            helpers.incrementAndGet();
            task.run();
        }).start();
        ColorizeContext context = ColorizeContext.defaults().withThreads(counting, 3);
        colorizer(FakeChromaPredictor.create(4)).colorize(SourceImage.of(SyntheticImgs.halves(64, 400, 1), "tall"), OPTIONS, context);
        assertTrue(helpers.get() > 0 && helpers.get() <= 2 * 2, "at most 2 helpers per row loop, got " + helpers.get());
        AtomicInteger none = new AtomicInteger();
        Executor refusing = task -> none.incrementAndGet();
        ColorizeContext alone = ColorizeContext.defaults().withThreads(refusing, 1);
        colorizer(FakeChromaPredictor.create(4)).colorize(SourceImage.of(SyntheticImgs.halves(64, 400, 1), "tall"), OPTIONS, alone);
        assertEquals(0, none.get(), "parallelism 1 runs on the calling thread only");
    }

    @Test
    void aCardOfAnUnknownKindIsAClearErrorNeverAFullImageRun(@TempDir Path dir) throws Exception {
        FakeChromaPredictor instance = FakeChromaPredictor.ofKind("no-such-kind");
        ColorizeException byCard = assertThrows(ColorizeException.class,
                () -> Colorizers.forCard(instance.card(), (m, d) -> instance));
        assertTrue(byCard.getMessage().contains("'no-such-kind'") && byCard.getMessage().contains("known kinds: full-image, instance-aware"),
                byCard.getMessage());
        ColorizeException direct = assertThrows(ColorizeException.class, () -> new FullImageColorizer((m, d) -> instance)
                .colorize(SourceImage.of(SyntheticImgs.halves(40, 32, 1), "x"), OPTIONS, ColorizeContext.defaults()));
        assertTrue(direct.getMessage().contains("'no-such-kind'"), direct.getMessage());
        assertTrue(instance.batchSizes().isEmpty(), "nothing was predicted");

        Path root = Files.createDirectories(dir.resolve("models"));
        Path card = FakeChromaPredictor.cardFolder("inst", "no-such-kind");
        Files.createDirectories(root.resolve("inst"));
        Files.copy(card.resolve("model.json"), root.resolve("inst/model.json"));
        try (ModelRegistry registry = new ModelRegistry(List.of(root))) {
            ColorizeException byName = assertThrows(ColorizeException.class, () -> Colorizers.forModel(registry, "inst"));
            assertTrue(byName.getMessage().contains("no-such-kind") && byName.getMessage().contains("inst"), byName.getMessage());
        }
        assertEquals(List.of(FullImageColorizer.KIND, InstanceAwareColorizer.KIND, SemanticColorizer.KIND, DiverseColorizer.GAN_KIND,
                DiverseColorizer.VAE_KIND), Colorizers.kinds());
    }
}
