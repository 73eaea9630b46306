package org.colorize.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LetterboxTest {
    @Test
    void wideImageFillsTheTopRowsAndMapsBack() {
        Letterbox box = Letterbox.fit(1000, 500, 512);
        assertEquals(512, box.contentWidth());
        assertEquals(256, box.contentHeight());
        assertEquals(1000, box.toImageX(512), 1e-9);
        assertEquals(250, box.toImageY(128), 1e-9);
        assertEquals(500, box.toImageY(400), 1e-9); // the padding maps onto the image's edge
        assertEquals(0, box.toImageX(-3), 1e-9);
    }

    @Test
    void inputIsGrayInThreeChannelsWithMeanPadding() {
        float[] l = new float[40 * 20];
        for (int i = 0; i < l.length; i++) l[i] = (i % 40) < 20 ? 0 : 100; // left half black, right half white
        float[] rgb = Letterbox.fit(40, 20, 8).rgbInput(GrayPlane.ofLightness(40, 20, l));
        assertEquals(8 * 8 * 3, rgb.length);
        for (int p = 0; p < 64; p++) {
            assertEquals(rgb[p * 3], rgb[p * 3 + 1]);
            assertEquals(rgb[p * 3], rgb[p * 3 + 2]);
        }
        assertEquals(0, rgb[0], 1e-3); // top left: black
        assertEquals(255, rgb[7 * 3], 1e-3); // top right: white
        assertEquals(127.5, rgb[(7 * 8) * 3], 1e-3); // below the 8×4 content: the mean gray
    }

    @Test
    void shrinkingAveragesAllPixels() {
        float[] gray = new float[12 * 12];
        for (int i = 0; i < gray.length; i++) gray[i] = (i / 12 + i % 12) % 2 == 0 ? 0 : 200; // checkerboard
        float[] small = LinearResampler.resize(GrayPlane.ofGray255(12, 12, gray), 3, 3);
        for (float v : small) assertEquals(100, v, 15); // not 0 or 200 as point sampling would give
        float[] same = LinearResampler.resize(GrayPlane.ofGray255(12, 12, gray), 12, 12);
        for (int i = 0; i < gray.length; i++) assertEquals(gray[i], same[i], 1e-4);
    }
}
