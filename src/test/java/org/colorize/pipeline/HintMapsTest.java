package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.color.GlobalHint;
import org.colorize.image.NetworkInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hint positions in the original image's pixels map to the network pixel that covers them, at any size and aspect. */
class HintMapsTest {

    @Test
    void corners_centers_andEveryPixelMapWhereTheResamplingPutsThem() {
        for (int[] wh : new int[][] {{128, 128}, {256, 128}, {100, 300}, {4000, 3000}, {7, 5}, {1, 1}, {129, 127}}) {
            int w = wh[0];
            int h = wh[1];
            int size = 128;
            // an image smaller than the network: pixel 0 covers several network pixels, its center is the one
            assertArrayEquals(new int[] {(int) Math.floor(0.5 * size / w), (int) Math.floor(0.5 * size / h)},
                    HintMaps.toNetwork(0, 0, w, h, size), w + "x" + h + " top left");
            assertArrayEquals(new int[] {w >= size ? size - 1 : (int) Math.floor((w - 0.5) * size / w),
                    h >= size ? size - 1 : (int) Math.floor((h - 0.5) * size / h)},
                    HintMaps.toNetwork(w - 1, h - 1, w, h, size), w + "x" + h + " bottom right");
            int[] c = HintMaps.toNetwork((w - 1) / 2.0, (h - 1) / 2.0, w, h, size);
            assertTrue(Math.abs(c[0] - (size - 1) / 2.0) <= 1 && Math.abs(c[1] - (size - 1) / 2.0) <= 1,
                    w + "x" + h + " center maps to the center: " + c[0] + "," + c[1]);
            // monotone and onto the network grid when the image is larger than it
            int last = -1;
            for (int x = 0; x < w; x += Math.max(1, w / 500)) {
                int nx = HintMaps.toNetwork(x, 0, w, h, size)[0];
                assertTrue(nx >= last && nx >= 0 && nx < size);
                last = nx;
            }
        }
        assertArrayEquals(new int[] {5, 3}, HintMaps.toNetwork(5, 3, 128, 128, 128), "same size: identity");
        assertArrayEquals(new int[] {2, 3}, HintMaps.toNetwork(5, 3, 256, 128, 128), "twice as wide: x halves");
        assertArrayEquals(new int[] {64, 32}, HintMaps.toNetwork(2000, 1000, 4000, 4000, 128), "a 4000² image");
    }

    @Test
    void aHintLandsWhereTheNetworkSeesItsPixel() {
        // a bright spot in the image: the network's resampled L is brightest at the mapped pixel
        for (int[] wh : new int[][] {{300, 200}, {200, 500}, {1000, 1000}}) {
            int w = wh[0];
            int h = wh[1];
            int size = 64;
            int x = w * 3 / 10;
            int y = h * 7 / 10;
            float[] full = new float[w * h];
            int r = Math.max(w, h) / 64;
            for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) full[yy * w + xx] = 100;
            }
            float[] small = resample(full, w, h, size);
            double sx = 0;
            double sy = 0;
            double sw = 0;
            for (int i = 0; i < small.length; i++) {
                sx += small[i] * (i % size);
                sy += small[i] * (i / size);
                sw += small[i];
            }
            int[] mapped = HintMaps.toNetwork(x, y, w, h, size);
            assertTrue(Math.abs(sx / sw - mapped[0]) <= 1 && Math.abs(sy / sw - mapped[1]) <= 1,
                    w + "x" + h + ": the network sees the spot centered at " + sx / sw + "," + sy / sw + ", the hint maps to "
                            + mapped[0] + "," + mapped[1]);
        }
    }

    private static float[] resample(float[] full, int w, int h, int size) {
        org.colorize.image.LightnessPlane plane = new org.colorize.image.LightnessPlane() {
            @Override
            public int width() {
                return w;
            }

            @Override
            public int height() {
                return h;
            }

            @Override
            public void lightnessRow(int y, float[] out) {
                System.arraycopy(full, y * w, out, 0, w);
            }
        };
        try {
            return NetworkInput.lightness(plane, size, org.colorize.runtime.Workers.sequential(org.colorize.runtime.CancelToken.NEVER));
        } catch (org.colorize.ColorizeCanceledException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mapsHoldTheColorsAbAndTheMaskInSquares() {
        List<ColorHints.Point> pts = List.of(new ColorHints.Point(10, 10, 0xff0000), new ColorHints.Point(300, 90, 0x0000ff));
        int size = 32;
        float[] ab = HintMaps.ab(pts, 320, 100, size);
        float[] mask = HintMaps.mask(pts, 320, 100, size);
        int ones = 0;
        for (float m : mask) ones += (int) m;
        assertEquals(2 * HintMaps.PATCH * HintMaps.PATCH, ones, "two 3×3 squares");
        int[] red = HintMaps.toNetwork(10, 10, 320, 100, size);
        int p = red[1] * size + red[0];
        float[] want = pts.get(0).ab();
        assertEquals(want[0] / 110, ab[2 * p], 1e-6);
        assertEquals(want[1] / 110, ab[2 * p + 1], 1e-6);
        assertTrue(ab[2 * p] > 0.5, "red has a large a");
        int[] blue = HintMaps.toNetwork(300, 90, 320, 100, size);
        assertTrue(ab[2 * (blue[1] * size + blue[0]) + 1] < -0.5, "blue has a very negative b");
        assertArrayEquals(GlobalHint.none(), HintMaps.global(ColorHints.NONE));
    }

    @Test
    void pointsOutsideTheImageAreRefused() throws ColorizeException {
        HintMaps.check(List.of(new ColorHints.Point(0, 0, 1), new ColorHints.Point(99, 49, 1)), 100, 50);
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> HintMaps.check(List.of(new ColorHints.Point(100, 10, 1)), 100, 50));
        assertTrue(e.getMessage().contains("(100.0, 10.0)") && e.getMessage().contains("100×50"), e.getMessage());
    }

    @Test
    void textFormRoundTripsAndCsvIsRead(@TempDir Path dir) throws Exception {
        List<ColorHints.Point> pts = ColorHints.parsePoints("10,20,#ff0000; 3.5,4,#00FF7f;");
        assertEquals(List.of(new ColorHints.Point(10, 20, 0xff0000), new ColorHints.Point(3.5, 4, 0x00ff7f)), pts);
        assertEquals("10,20,#ff0000;3.50,4,#00ff7f", new ColorHints(pts, null).pointsText());
        assertEquals(pts, ColorHints.parsePoints(new ColorHints(pts, null).pointsText()));
        assertTrue(ColorHints.parsePoints(" ").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ColorHints.parsePoints("10,20"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ColorHints.parsePoints("1,2,#ff00"));
        assertTrue(bad.getMessage().contains("#rrggbb"), bad.getMessage());
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, "x,y,color\n10,20,#ff0000\n\n3.5,4,#00ff7f\n");
        assertEquals(pts, ColorHints.readCsv(csv));
        Files.writeString(csv, "10,20,#ff0000\n");
        assertThrows(IllegalArgumentException.class, () -> ColorHints.readCsv(csv), "the header is required");
    }

    @Test
    void optionsRecordHintsAndReference() {
        ColorHints hints = new ColorHints(ColorHints.parsePoints("1,2,#102030"),
                ColorHints.Reference.ofRgb("my photo.png", new int[] {0xff0000, 0x00ff00}, 1));
        String macro = ColorizeOptions.defaults().withHints(hints).toMacroString();
        assertTrue(macro.endsWith("hints=[1,2,#102030] reference=[my photo.png]"), macro);
        assertEquals(ColorizeOptions.defaults().toMacroString(), ColorizeOptions.defaults().withHints(ColorHints.NONE).toMacroString(),
                "no hints: the plain colorization's options");
        float[] v = hints.reference().vector();
        assertEquals(1, v[GlobalHint.BINS + 1], "flag");
        assertEquals(0.5, v[org.colorize.color.AbGamut.zhang().nearest(80, 67)], 0.01, "red's bin holds half");
    }
}
