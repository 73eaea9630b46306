package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import org.colorize.ColorizeException;
import org.colorize.image.SourceImage;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.model.ModelRegistry;
import org.colorize.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped default model with hints, through the product's colorizer, on a real gray photo:
 * a hint moves the colors near it toward its color and hardly changes them far away; no hints
 * give exactly the plain colorization; a global reference changes the palette; a model without
 * hint inputs refuses hints with a clear message.
 */
@Slow
class HintedColorizationTest {
    private static final Path MODELS = Path.of("models");
    private static ModelRegistry registry;
    private static SourceImage photo;
    private static int width;
    private static int height;

    @BeforeAll
    static void load() throws Exception {
        registry = new ModelRegistry(List.of(MODELS));
        DecodedImage d = ImageDecoder.read(Path.of("samples/nagasaki-boats.png"));
        width = d.width();
        height = d.height();
        byte[] gray = new byte[width * height];
        int[] argb = d.raster().argb();
        for (int i = 0; i < gray.length; i++) gray[i] = (byte) (argb[i] & 0xff);
        photo = SourceImage.of(ArrayImgs.unsignedBytes(gray, width, height), "boats");
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static int[] colorize(String model, ColorHints hints) throws ColorizeException {
        ColorizeOptions o = ColorizeOptions.defaults().withModel(model).withHints(hints);
        Img<?> out = Colorizers.forModel(registry, model).colorize(photo, o, ColorizeContext.defaults()).first().image();
        return ((int[]) ((ArrayDataAccess<?>) ((ArrayImg<?, ?>) out).update(null)).getCurrentStorageArray()).clone();
    }

    /** Mean (a, b) over the square of half-side r around (x, y). */
    private static double[] meanAb(int[] rgb, int x, int y, int r) {
        return org.colorize.eval.SyntheticImages.meanAb(rgb, width, height, x, y, r);
    }

    private static double abDistance(int[] p, int[] q, int x, int y, int r) {
        double[] u = meanAb(p, x, y, r);
        double[] v = meanAb(q, x, y, r);
        return Math.hypot(u[0] - v[0], u[1] - v[1]);
    }

    @Test
    void aHintColorsItsPlaceAndHardlyAnythingFarAway() throws Exception {
        int[] plain = colorize("colorize-semantic", ColorHints.NONE);
        assertArrayEquals(plain, colorize("colorize-semantic", new ColorHints(List.of(), null)),
                "no hints = the plain colorization");
        int x = 330;
        int y = 450; // a thatched roof
        ColorHints.Point red = new ColorHints.Point(x, y, 0xd01010);
        int[] hinted = colorize("colorize-semantic", new ColorHints(List.of(red), null));
        double[] before = meanAb(plain, x, y, 6);
        double[] after = meanAb(hinted, x, y, 6);
        float[] want = red.ab();
        double distBefore = Math.hypot(before[0] - want[0], before[1] - want[1]);
        double distAfter = Math.hypot(after[0] - want[0], after[1] - want[1]);
        assertTrue(distAfter < distBefore - 10, "near the hint the color moves toward red: ab distance to the hint "
                + distBefore + " -> " + distAfter);
        assertTrue(after[0] > before[0] + 8, "redder (a up): " + before[0] + " -> " + after[0]);
        double near = abDistance(plain, hinted, x, y, 6);
        double far = Math.max(abDistance(plain, hinted, 900, 100, 20), abDistance(plain, hinted, 100, 780, 20));
        assertTrue(far < near / 4 && far < 4, "far from the hint (corners) the colors hardly change: far " + far + ", near " + near);
    }

    @Test
    void aReferenceChangesThePalette() throws Exception {
        int[] plain = colorize("colorize-semantic", ColorHints.NONE);
        int[] greens = new int[64 * 64];
        java.util.Arrays.fill(greens, 0x20a040);
        ColorHints ref = new ColorHints(List.of(), ColorHints.Reference.ofRgb("green swatch", greens, 1));
        int[] global = colorize("colorize-semantic", ref);
        double[] before = meanAb(plain, width / 2, height / 2, Math.min(width, height) / 2 - 1);
        double[] after = meanAb(global, width / 2, height / 2, Math.min(width, height) / 2 - 1);
        assertTrue(after[0] < before[0] - 1, "a green palette lowers the image's mean a: " + before[0] + " -> " + after[0]);
    }

    @Test
    void modelsWithoutHintInputsRefuseHints() {
        ColorHints one = new ColorHints(List.of(new ColorHints.Point(5, 5, 0xff0000)), null);
        ColorizeException e = assertThrows(ColorizeException.class, () -> colorize("colorize-default", one));
        assertTrue(e.getMessage().contains("takes no color hints"), e.getMessage());
        ColorHints outside = new ColorHints(List.of(new ColorHints.Point(width + 5, 5, 0xff0000)), null);
        ColorizeException o = assertThrows(ColorizeException.class, () -> colorize("colorize-semantic", outside));
        assertTrue(o.getMessage().contains("outside the image"), o.getMessage());
    }
}
