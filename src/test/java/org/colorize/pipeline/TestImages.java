package org.colorize.pipeline;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/** Synthetic gray scenes: gradients, a disc and stripes, so the network input has structure. */
public final class TestImages {
    private TestImages() {
    }

    public static double scene(int x, int y, int w, int h) {
        double v = 0.15 + 0.6 * x / (double) w;
        double dx = x - w * 0.6, dy = y - h * 0.4;
        if (dx * dx + dy * dy < (w * 0.15) * (w * 0.15)) v = 0.9;
        if ((y / Math.max(1, h / 10)) % 4 == 0) v *= 0.5;
        return v;
    }

    public static ImagePlus gray8(String title, int w, int h) {
        ByteProcessor ip = new ByteProcessor(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ip.set(x, y, (int) Math.round(255 * scene(x, y, w, h)));
        return new ImagePlus(title, ip);
    }

    public static ImagePlus gray16(String title, int w, int h) {
        ShortProcessor ip = new ShortProcessor(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ip.set(x, y, (int) Math.round(1000 + 3000 * scene(x, y, w, h)));
        return new ImagePlus(title, ip);
    }

    public static ImagePlus gray32(String title, int w, int h) {
        FloatProcessor ip = new FloatProcessor(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ip.setf(x, y, (float) (-5 + 12 * scene(x, y, w, h)));
        return new ImagePlus(title, ip);
    }

    public static ImagePlus rgb(String title, int w, int h) {
        ColorProcessor ip = new ColorProcessor(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int v = (int) Math.round(255 * scene(x, y, w, h));
            ip.set(x, y, (v << 16) | ((255 - v) << 8) | (v / 2));
        }
        return new ImagePlus(title, ip);
    }

    public static ImagePlus stack8(String title, int w, int h, int n, int blankSlice) {
        ImageStack stack = new ImageStack(w, h);
        for (int i = 1; i <= n; i++) {
            ByteProcessor ip = (ByteProcessor) gray8("s", w, h).getProcessor();
            if (i == blankSlice) ip.setColor(0);
            if (i == blankSlice) ip.fill();
            stack.addSlice("slice" + i, ip);
        }
        return new ImagePlus(title, stack);
    }
}
