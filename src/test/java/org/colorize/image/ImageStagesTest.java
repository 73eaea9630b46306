package org.colorize.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.colorize.color.Lab;
import org.colorize.runtime.Workers;
import org.junit.jupiter.api.Test;

class ImageStagesTest {

    @Test
    void fastLabToRgbMatchesTheReferenceConversionInGamut() {
        Random random = new Random(1);
        double[] ref = new double[3];
        double[] lab = new double[3];
        float[] fast = new float[3];
        double worst = 0;
        for (int i = 0; i < 20000; i++) {
            Lab.fromSrgb(random.nextDouble(), random.nextDouble(), random.nextDouble(), lab);
            Lab.toSrgb(lab[0], lab[1], lab[2], ref);
            LabToRgb.convert((float) lab[0], (float) lab[1], (float) lab[2], fast, 0);
            for (int c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(fast[c] - ref[c]));
        }
        assertTrue(worst < 2e-4, "float path within 2e-4 of the reference, worst " + worst);
    }

    @Test
    void outOfGamutChromaIsShrunkAtFixedLightness() {
        float[] rgb = new float[3];
        double[] lab = new double[3];
        for (float l : new float[] {5, 30, 50, 70, 95}) {
            LabToRgb.convert(l, 100f, -100f, rgb, 0);
            for (float v : rgb) assertTrue(v >= 0 && v <= 1);
            Lab.fromSrgb(rgb[0], rgb[1], rgb[2], lab);
            assertEquals(l, lab[0], 0.05, "L kept for an out-of-gamut color");
            assertTrue(lab[1] > 1 && lab[2] < -1, "chroma kept where the gamut allows: a=" + lab[1] + " b=" + lab[2]);
            assertEquals(1.0, lab[1] / -lab[2], 0.1, "hue kept: a=" + lab[1] + " b=" + lab[2]);
        }
    }

    @Test
    void areaResamplingAveragesExactly() {
        Resampling r = Resampling.of(10, 4);
        float[] in = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] out = new float[4];
        r.apply(in, out);
        assertEquals((0 + 1 + 0.5f * 2) / 2.5f, out[0], 1e-6);
        assertEquals((0.5f * 2 + 3 + 4) / 2.5f, out[1], 1e-6, "fractional pixels at the ends count by area");
        float sum = 0;
        for (float v : out) sum += v * 2.5f;
        assertEquals(45f, sum, 1e-4, "area is conserved");
        Resampling up = Resampling.of(2, 4);
        float[] big = new float[4];
        up.apply(new float[] {0, 4}, big);
        assertEquals(0f, big[0], 1e-6);
        assertEquals(1f, big[1], 1e-6);
        assertEquals(3f, big[2], 1e-6);
        assertEquals(4f, big[3], 1e-6);
    }

    @Test
    void networkInputOfAConstantPlaneIsConstant() throws Exception {
        byte[] pixels = new byte[333 * 77];
        Arrays.fill(pixels, (byte) 128);
        LightnessPlane plane = new BytePlane(pixels, 0, 333, 77, LightnessTables.forIntegers(256, GrayMapping.EIGHT_BIT));
        float[] small = NetworkInput.lightness(plane, 64, Workers.common());
        float expected = (float) Lab.lightnessOfGray(128 / 255.0);
        for (float v : small) assertEquals(expected, v, 1e-3);
    }

    @Test
    void bilinearUpsamplingReproducesALinearRamp() {
        int n = 8;
        float[] ab = new float[n * n * 2];
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
            ab[2 * (y * n + x)] = x * 10f;
            ab[2 * (y * n + x) + 1] = -y * 10f;
        }
        AbUpsampler up = AbUpsampler.create(Upsampling.BILINEAR, ab, new float[n * n], n, 64, 32);
        float[] a = new float[64];
        float[] b = new float[64];
        up.row(16, new float[64], a, b);
        for (int x = 4; x < 60; x++) assertEquals((x + 0.5f) / 8f - 0.5f, a[x] / 10f, 1e-4);
        assertEquals(-((16 + 0.5f) / 4f - 0.5f), b[10] / 10f, 1e-4);
    }

    @Test
    void guidedUpsamplingFollowsLightnessEdges() {
        int n = 16;
        float[] lightness = new float[n * n];
        float[] ab = new float[n * n * 2];
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
            boolean bright = x >= n / 2;
            lightness[y * n + x] = bright ? 80 : 20;
            ab[2 * (y * n + x)] = bright ? 40 : -40;
        }
        int w = 160;
        AbUpsampler guided = AbUpsampler.create(Upsampling.GUIDED, ab, lightness, n, w, w);
        AbUpsampler bilinear = AbUpsampler.create(Upsampling.BILINEAR, ab, lightness, n, w, w);
        float[] row = new float[w];
        for (int x = 0; x < w; x++) row[x] = x >= w / 2 ? 80 : 20;
        float[] ga = new float[w], gb = new float[w], ba = new float[w], bb = new float[w];
        guided.row(80, row, ga, gb);
        bilinear.row(80, row, ba, bb);
        // Just left of the edge: bilinear blends toward +40, the guide keeps the dark side's -40.
        assertTrue(ga[w / 2 - 2] < -30, "guided a left of the edge: " + ga[w / 2 - 2]);
        assertTrue(ba[w / 2 - 2] > -30, "bilinear a left of the edge: " + ba[w / 2 - 2]);
        assertTrue(ga[w / 2 + 1] > 30, "guided a right of the edge: " + ga[w / 2 + 1]);
    }
}
