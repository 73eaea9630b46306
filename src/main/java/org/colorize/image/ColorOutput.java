package org.colorize.image;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;
import java.awt.Color;

/**
 * The color result of a gray image, allocated up front: 8-bit RGB for 8-bit and RGB input;
 * for 16- and 32-bit input three channels of the same depth on the input's data range, so a
 * pixel without chroma keeps its measured value and no precision is lost.
 */
public final class ColorOutput {
    private final GrayImage input;
    private final ImageStack stack;
    private final ColorSink[] sinks;

    private ColorOutput(GrayImage input, ImageStack stack, ColorSink[] sinks) {
        this.input = input;
        this.stack = stack;
        this.sinks = sinks;
    }

    /** Bytes the output of an input needs. */
    public static long bytesFor(GrayImage input) {
        long pixels = (long) input.width() * input.height() * input.planes();
        return switch (input.kind()) {
            case GRAY8, RGB -> pixels * 4;
            case GRAY16 -> pixels * 6;
            case GRAY32 -> pixels * 12;
        };
    }

    public static ColorOutput allocate(GrayImage input) {
        int w = input.width();
        int h = input.height();
        int n = input.planes();
        ImageStack stack = new ImageStack(w, h);
        ColorSink[] sinks = new ColorSink[n];
        GrayMapping m = input.mapping();
        for (int i = 0; i < n; i++) {
            switch (input.kind()) {
                case GRAY8, RGB -> {
                    int[] pixels = new int[w * h];
                    stack.addSlice(label(input, i), new ColorProcessor(w, h, pixels));
                    sinks[i] = ColorSink.rgb8(pixels, w);
                }
                case GRAY16 -> {
                    short[] r = new short[w * h], g = new short[w * h], b = new short[w * h];
                    for (short[] c : new short[][] {r, g, b}) stack.addSlice(label(input, i), new ShortProcessor(w, h, c, null));
                    sinks[i] = ColorSink.channels16(r, g, b, w, m.min(), m.max());
                }
                case GRAY32 -> {
                    float[] r = new float[w * h], g = new float[w * h], b = new float[w * h];
                    for (float[] c : new float[][] {r, g, b}) stack.addSlice(label(input, i), new FloatProcessor(w, h, c));
                    sinks[i] = ColorSink.channels32(r, g, b, w, m.min(), m.max());
                }
            }
        }
        return new ColorOutput(input, stack, sinks);
    }

    private static String label(GrayImage input, int index) {
        return input.source().getStack().getSliceLabel(index + 1);
    }

    /** The sink of plane {@code index} (1-based). */
    public ColorSink sink(int index) {
        return sinks[index - 1];
    }

    /** The finished image: title, calibration and stack dimensions carried over from the source. */
    public ImagePlus toImagePlus(String title) {
        ImagePlus src = input.source();
        ImagePlus out = new ImagePlus(title, stack);
        out.setCalibration(src.getCalibration().copy());
        if (input.kind() == GrayImage.Kind.GRAY8 || input.kind() == GrayImage.Kind.RGB) {
            out.setDimensions(1, src.getNSlices(), src.getNFrames());
            if (src.getNSlices() * src.getNFrames() > 1) out.setOpenAsHyperStack(src.isHyperStack());
            return out;
        }
        out.setDimensions(3, src.getNSlices(), src.getNFrames());
        CompositeImage composite = new CompositeImage(out, ij.IJ.COMPOSITE);
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
        GrayMapping m = input.mapping();
        for (int c = 0; c < 3; c++) {
            LUT lut = LUT.createLutFromColor(colors[c]);
            lut.min = m.min();
            lut.max = m.max();
            composite.setChannelLut(lut, c + 1);
        }
        composite.setCalibration(src.getCalibration().copy());
        return composite;
    }
}
