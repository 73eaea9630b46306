package org.colorize.image;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The color result of a gray image, allocated up front as ImgLib2 images with one primitive array
 * per plane (so a host can wrap each plane without copying):
 * <ul>
 *   <li>8-bit and RGB input: {@code ARGBType}, axes x, y — an {@code ArrayImg} — or x, y, plane
 *       for stacks — a {@code PlanarImg};</li>
 *   <li>16-bit input: {@code UnsignedShortType}, axes x, y, channel (r, g, b)[, plane], on the
 *       input's data range, so a pixel without chroma keeps its measured value;</li>
 *   <li>16-bit RGB input: the same on 0..65535 (a 16-bit RGB result);</li>
 *   <li>32-bit and other real input: {@code FloatType}, same axes and range.</li>
 * </ul>
 */
public final class ColorOutput {
    private final Img<?> image;
    private final ColorSink[] sinks;

    private ColorOutput(Img<?> image, ColorSink[] sinks) {
        this.image = image;
        this.sinks = sinks;
    }

    /** Bytes the output of an input needs. */
    public static long bytesFor(GrayImage input) {
        long pixels = (long) input.width() * input.height() * input.planes();
        return switch (input.kind()) {
            case GRAY8, RGB -> pixels * 4;
            case GRAY16, RGB16 -> pixels * 6;
            case GRAY32 -> pixels * 12;
        };
    }

    public static ColorOutput allocate(GrayImage input) {
        int w = input.width();
        int h = input.height();
        int n = input.planes();
        ColorSink[] sinks = new ColorSink[n];
        GrayMapping m = input.mapping();
        switch (input.kind()) {
            case GRAY8, RGB -> {
                if (n == 1) {
                    int[] pixels = new int[w * h];
                    sinks[0] = ColorSink.rgb8(pixels, w);
                    return new ColorOutput(ArrayImgs.argbs(pixels, w, h), sinks);
                }
                PlanarImg<ARGBType, IntArray> img = PlanarImgs.argbs(w, h, n);
                for (int i = 0; i < n; i++) sinks[i] = ColorSink.rgb8(img.getPlane(i).getCurrentStorageArray(), w);
                return new ColorOutput(img, sinks);
            }
            case GRAY16, RGB16 -> {
                PlanarImg<UnsignedShortType, ShortArray> img = PlanarImgs.unsignedShorts(channelDims(w, h, n));
                for (int i = 0; i < n; i++) {
                    sinks[i] = ColorSink.channels16(img.getPlane(3 * i).getCurrentStorageArray(),
                            img.getPlane(3 * i + 1).getCurrentStorageArray(), img.getPlane(3 * i + 2).getCurrentStorageArray(),
                            w, m.min(), m.max());
                }
                return new ColorOutput(img, sinks);
            }
            default -> {
                PlanarImg<FloatType, FloatArray> img = PlanarImgs.floats(channelDims(w, h, n));
                for (int i = 0; i < n; i++) {
                    sinks[i] = ColorSink.channels32(img.getPlane(3 * i).getCurrentStorageArray(),
                            img.getPlane(3 * i + 1).getCurrentStorageArray(), img.getPlane(3 * i + 2).getCurrentStorageArray(),
                            w, m.min(), m.max());
                }
                return new ColorOutput(img, sinks);
            }
        }
    }

    private static long[] channelDims(int w, int h, int planes) {
        return planes == 1 ? new long[] {w, h, 3} : new long[] {w, h, 3, planes};
    }

    /** The sink of plane {@code index} (1-based). */
    public ColorSink sink(int index) {
        return sinks[index - 1];
    }

    /** The result; complete once every plane's sink has been written. */
    public Img<?> image() {
        return image;
    }
}
