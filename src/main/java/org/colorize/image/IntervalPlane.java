package org.colorize.image;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;

/**
 * A plane of an image that is not array-backed (a view, a cell image), read row by row through a
 * random access into a one-row array and converted there by the same readers the array-backed
 * planes use. Slower than those, but any ImgLib2 image can be colorized.
 */
final class IntervalPlane implements LightnessPlane {
    /** Turns one row array into lightness. */
    @FunctionalInterface
    interface RowReader {
        LightnessPlane over(Object row, int width);
    }

    private final RandomAccessibleInterval<?> plane;
    private final GrayImage.Kind kind;
    private final RowReader reader;
    private final int width;
    private final int height;

    /** @param plane a zero-min 2D interval */
    IntervalPlane(RandomAccessibleInterval<?> plane, GrayImage.Kind kind, RowReader reader) {
        this.plane = plane;
        this.kind = kind;
        this.reader = reader;
        this.width = (int) plane.dimension(0);
        this.height = (int) plane.dimension(1);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        RandomAccess<?> access = plane.randomAccess();
        access.setPosition(0, 0);
        access.setPosition(y, 1);
        Object row = switch (kind) {
            case GRAY8 -> {
                byte[] r = new byte[width];
                for (int x = 0; x < width; x++, access.fwd(0)) r[x] = (byte) (int) real(access);
                yield r;
            }
            case GRAY16 -> {
                short[] r = new short[width];
                for (int x = 0; x < width; x++, access.fwd(0)) r[x] = (short) (int) real(access);
                yield r;
            }
            case GRAY32 -> {
                float[] r = new float[width];
                for (int x = 0; x < width; x++, access.fwd(0)) r[x] = (float) real(access);
                yield r;
            }
            case RGB -> {
                int[] r = new int[width];
                for (int x = 0; x < width; x++, access.fwd(0)) r[x] = ((ARGBType) access.get()).get();
                yield r;
            }
            case RGB16 -> throw new IllegalStateException("16-bit RGB planes are read by channel");
        };
        reader.over(row, width).lightnessRow(0, out);
    }

    private static double real(RandomAccess<?> access) {
        return ((RealType<?>) access.get()).getRealDouble();
    }
}
