package org.colorize.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Identities, limits and input checks on synthetic images. */
class MetricEdgeCaseTest {

    private static int[] randomRgb(int n, long seed) {
        Random rnd = new Random(seed);
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = 0xff000000 | (rnd.nextInt() & 0xffffff);
        }
        return px;
    }

    private static int gray(int v) {
        return 0xff000000 | v << 16 | v << 8 | v;
    }

    @Test
    void identicalImagesScorePerfectly() {
        int w = 23;
        int h = 17;
        int[] img = randomRgb(w * h, 1);
        int[] copy = img.clone();
        assertEquals(Double.POSITIVE_INFINITY, Psnr.rgb(img, copy));
        assertEquals(1.0, Ssim.rgb(img, copy, w, h), 0.0);
        assertEquals(1.0, Ssim.rgbGaussian(img, copy, w, h), 0.0);
        assertEquals(0.0, Colorfulness.delta(img, copy), 0.0);
        float[] a = new float[w * h];
        float[] b = new float[w * h];
        Random rnd = new Random(2);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextGaussian() * 40);
            b[i] = (float) (rnd.nextGaussian() * 40);
        }
        assertEquals(1.0, AbErrorAuc.auc(a, b, a.clone(), b.clone()), 0.0);
        double[] curve = AbErrorAuc.curve(a, b, a, b);
        assertEquals(AbErrorAuc.MAX_THRESHOLD + 1, curve.length);
        for (double f : curve) {
            assertEquals(1.0, f, 0.0);
        }
    }

    @Test
    void alphaIsIgnored() {
        int[] img = randomRgb(100, 3);
        int[] noAlpha = new int[img.length];
        for (int i = 0; i < img.length; i++) {
            noAlpha[i] = img[i] & 0xffffff;
        }
        assertEquals(Double.POSITIVE_INFINITY, Psnr.rgb(img, noAlpha));
        assertEquals(Colorfulness.of(img), Colorfulness.of(noAlpha), 0.0);
        assertEquals(1.0, Ssim.rgb(img, noAlpha, 10, 10), 0.0);
    }

    @Test
    void psnrOfKnownError() {
        // every sample off by 5 → MSE 25 → PSNR = 10 log10(255²/25)
        int[] a = new int[64];
        int[] b = new int[64];
        for (int i = 0; i < a.length; i++) {
            a[i] = gray(100);
            b[i] = gray(105);
        }
        assertEquals(10 * Math.log10(255.0 * 255.0 / 25.0), Psnr.rgb(a, b), 1e-12);
        // one channel of one pixel off by 255 among n pixels: MSE = 255² / (3n)
        int[] c = a.clone();
        c[7] = 0xff000000 | 255 << 16 | 100 << 8 | 100;
        int[] d = a.clone();
        d[7] = 0xff000000 | 0 << 16 | 100 << 8 | 100;
        assertEquals(10 * Math.log10(3.0 * 64), Psnr.rgb(c, d), 1e-12);
    }

    @Test
    void grayImageHasZeroColorfulness() {
        int[] img = new int[50];
        for (int i = 0; i < img.length; i++) {
            img[i] = gray((i * 37) % 256);
        }
        assertEquals(0.0, Colorfulness.of(img), 0.0);
    }

    @Test
    void colorfulnessOfTwoColorImage() {
        // half pure red (rg = 255, yb = 127.5), half black: μ = (127.5, 63.75), σ = (127.5, 63.75)
        int[] img = new int[10];
        for (int i = 0; i < 5; i++) {
            img[i] = 0xffff0000;
            img[i + 5] = 0xff000000;
        }
        double r = Math.hypot(127.5, 63.75);
        assertEquals(r + 0.3 * r, Colorfulness.of(img), 1e-12);
    }

    @Test
    void aucOfKnownErrors() {
        // errors 0, 10.5, 150, 151 (along a), the last never counts
        float[] pa = {0f, 10.5f, 150f, 151f};
        float[] zero = new float[4];
        double[] f = AbErrorAuc.curve(pa, zero, zero, zero);
        assertEquals(0.25, f[0], 0.0);
        assertEquals(0.25, f[10], 0.0);
        assertEquals(0.5, f[11], 0.0);
        assertEquals(0.5, f[149], 0.0);
        assertEquals(0.75, f[150], 0.0);
        // trapezoid: (½·0.25 + 10·0.25 + 139·0.5 + ½·0.75) / 150
        double expected = (0.125 + 2.5 + 69.5 + 0.375) / 150;
        assertEquals(expected, AbErrorAuc.auc(pa, zero, zero, zero), 1e-15);
        // error exactly on an integer threshold counts at that threshold (e ≤ t): 3-4-5 triangle
        double[] g = AbErrorAuc.curve(new float[] {3f}, new float[] {4f}, new float[] {0f}, new float[] {0f});
        assertEquals(0.0, g[4], 0.0);
        assertEquals(1.0, g[5], 0.0);
    }

    @Test
    void mismatchedSizesAreRejectedWithAClearMessage() {
        int[] a = new int[12];
        int[] b = new int[15];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Psnr.rgb(a, b));
        assertTrue(e.getMessage().contains("12") && e.getMessage().contains("15"), e.getMessage());
        assertTrue(e.getMessage().contains("sizes differ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Colorfulness.delta(a, b));
        e = assertThrows(IllegalArgumentException.class, () -> Ssim.rgb(new int[64], new int[63], 8, 8));
        assertTrue(e.getMessage().contains("8x8") && e.getMessage().contains("63"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ssim.rgbGaussian(new int[64], new int[64], 8, 9));
        e = assertThrows(IllegalArgumentException.class,
                () -> AbErrorAuc.auc(new float[3], new float[3], new float[3], new float[4]));
        assertTrue(e.getMessage().contains("truthB") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void emptyAndNullInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Psnr.rgb(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Psnr.rgb(null, new int[1]));
        assertThrows(IllegalArgumentException.class, () -> Colorfulness.of(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Ssim.rgb(new int[0], new int[0], 0, 0));
        float[] e = new float[0];
        assertThrows(IllegalArgumentException.class, () -> AbErrorAuc.auc(e, e, e, e));
        assertThrows(IllegalArgumentException.class, () -> AbErrorAuc.auc(null, e, e, e));
    }

    @Test
    void imagesSmallerThanTheWindowAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ssim.rgb(new int[6 * 40], new int[6 * 40], 6, 40));
        assertTrue(e.getMessage().contains("7x7"), e.getMessage());
        assertEquals(1.0, Ssim.rgb(new int[7 * 7], new int[7 * 7], 7, 7), 0.0);
        e = assertThrows(IllegalArgumentException.class,
                () -> Ssim.rgbGaussian(new int[10 * 40], new int[10 * 40], 40, 10));
        assertTrue(e.getMessage().contains("11x11"), e.getMessage());
        assertEquals(1.0, Ssim.rgbGaussian(new int[11 * 11], new int[11 * 11], 11, 11), 0.0);
    }

    @Test
    void nanAbValuesAreRejected() {
        float[] a = {0f, Float.NaN};
        float[] z = new float[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AbErrorAuc.auc(a, z, z, z));
        assertTrue(e.getMessage().contains("pixel 1"), e.getMessage());
    }

    @Test
    void ssimIsSymmetricAndBelowOneForDifferentImages() {
        int w = 31;
        int h = 29;
        int[] x = randomRgb(w * h, 5);
        int[] y = randomRgb(w * h, 6);
        double s = Ssim.rgb(x, y, w, h);
        assertTrue(s < 0.1 && s > -1, "ssim " + s);
        assertEquals(s, Ssim.rgb(y, x, w, h), 1e-12);
        assertEquals(Ssim.rgbGaussian(x, y, w, h), Ssim.rgbGaussian(y, x, w, h), 1e-12);
    }
}
