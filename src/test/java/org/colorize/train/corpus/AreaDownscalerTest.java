package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AreaDownscalerTest {

    @Test
    void fitsTheLongerSide() {
        assertArrayEquals(new int[] {1024, 576}, AreaDownscaler.fitSize(5120, 2880, 1024));
        assertArrayEquals(new int[] {576, 1024}, AreaDownscaler.fitSize(2880, 5120, 1024));
        assertArrayEquals(new int[] {800, 600}, AreaDownscaler.fitSize(800, 600, 1024));
        RgbRaster small = Synth.photo(300, 200, 1);
        assertSame(small, AreaDownscaler.fit(small, 1024), "never enlarged, never copied");
    }

    @Test
    void averagesAreasInLinearLight() {
        // Black and white pixels average to 50% linear light = sRGB 188, not 128.
        int[] px = {0xff000000, 0xffffffff, 0xffffffff, 0xff000000};
        RgbRaster out = AreaDownscaler.resize(new RgbRaster(2, 2, px, false), 1, 1);
        assertEquals(188, out.argb()[0] & 0xff);
        assertEquals(0xff, out.argb()[0] >>> 24);
    }

    @Test
    void aConstantImageStaysConstantAtAnyScale() {
        int[] px = new int[97 * 61];
        java.util.Arrays.fill(px, 0xff3c8ad2);
        RgbRaster out = AreaDownscaler.resize(new RgbRaster(97, 61, px, false), 40, 23);
        for (int c : out.argb()) assertEquals(0xff3c8ad2, c);
    }

    @Test
    void transparentPixelsDoNotBleedTheirColor() {
        // Left half opaque red, right half fully transparent "green" (invisible color).
        int[] px = {0xffff0000, 0x0000ff00, 0xffff0000, 0x0000ff00};
        RgbRaster out = AreaDownscaler.resize(new RgbRaster(2, 2, px, true), 1, 1);
        int c = out.argb()[0];
        assertEquals(128, c >>> 24, 1);
        assertEquals(0xff, (c >> 16) & 0xff, "still pure red");
        assertEquals(0, (c >> 8) & 0xff);
    }
}
