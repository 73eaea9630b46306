package org.colorize.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * ImagePlus planes ↔ ImgLib2 images sharing the same primitive arrays: wrapping never copies
 * pixels, and writing through one view is visible in the other. A stack becomes a
 * {@link PlanarImg} over the stack's own arrays; a virtual stack one whose planes are read from
 * disk when asked for, one at a time.
 */
public final class ImagePlusImgs {
    private ImagePlusImgs() {
    }

    /** A zero-copy view of one plane: UnsignedByte, UnsignedShort, Float or ARGB type. */
    public static ArrayImg<? extends NativeType<?>, ?> wrap(ImageProcessor ip) {
        int w = ip.getWidth();
        int h = ip.getHeight();
        Object pixels = ip.getPixels();
        if (ip instanceof ByteProcessor) return ArrayImgs.unsignedBytes((byte[]) pixels, w, h);
        if (ip instanceof ShortProcessor) return ArrayImgs.unsignedShorts((short[]) pixels, w, h);
        if (ip instanceof FloatProcessor) return ArrayImgs.floats((float[]) pixels, w, h);
        if (ip instanceof ColorProcessor) return ArrayImgs.argbs((int[]) pixels, w, h);
        throw new IllegalArgumentException("unsupported processor " + ip.getClass().getSimpleName());
    }

    /**
     * A zero-copy view of an image: axes x, y for one plane (an ArrayImg), x, y, plane for a
     * stack (a PlanarImg, planes in stack order).
     */
    public static RandomAccessibleInterval<?> wrap(ImagePlus imp) {
        ImageStack stack = imp.getStack();
        if (stack.getSize() == 1 && !stack.isVirtual()) return wrap(imp.getProcessor());
        return planar(stack);
    }

    private static PlanarImg<?, ?> planar(ImageStack stack) {
        long[] dims = {stack.getWidth(), stack.getHeight(), stack.getSize()};
        Object first = stack.getPixels(1);
        if (first instanceof byte[]) {
            PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(ImagePlusImgs.<ByteArray>planes(stack, p -> new ByteArray((byte[]) p)), dims, new Fraction());
            img.setLinkedType(new UnsignedByteType(img));
            return img;
        }
        if (first instanceof short[]) {
            PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(ImagePlusImgs.<ShortArray>planes(stack, p -> new ShortArray((short[]) p)), dims, new Fraction());
            img.setLinkedType(new UnsignedShortType(img));
            return img;
        }
        if (first instanceof float[]) {
            PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(ImagePlusImgs.<FloatArray>planes(stack, p -> new FloatArray((float[]) p)), dims, new Fraction());
            img.setLinkedType(new FloatType(img));
            return img;
        }
        if (first instanceof int[]) {
            PlanarImg<ARGBType, IntArray> img = new PlanarImg<>(ImagePlusImgs.<IntArray>planes(stack, p -> new IntArray((int[]) p)), dims, new Fraction());
            img.setLinkedType(new ARGBType(img));
            return img;
        }
        throw new IllegalArgumentException("unsupported stack pixels " + first.getClass().getSimpleName());
    }

    private static <A> List<A> planes(ImageStack stack, Function<Object, A> wrap) {
        if (stack.isVirtual()) return new VirtualPlanes<>(stack, wrap);
        List<A> planes = new ArrayList<>(stack.getSize());
        for (int i = 1; i <= stack.getSize(); i++) planes.add(wrap.apply(stack.getPixels(i)));
        return planes;
    }

    /** The planes of a virtual stack, read from disk on demand; the last one read is kept. */
    private static final class VirtualPlanes<A> extends AbstractList<A> {
        private final ImageStack stack;
        private final Function<Object, A> wrap;
        private int current = -1;
        private A plane;

        VirtualPlanes(ImageStack stack, Function<Object, A> wrap) {
            this.stack = stack;
            this.wrap = wrap;
        }

        @Override
        public synchronized A get(int index) {
            if (index != current) {
                plane = wrap.apply(stack.getPixels(index + 1));
                current = index;
            }
            return plane;
        }

        @Override
        public int size() {
            return stack.getSize();
        }
    }

    /** The primitive array behind an ArrayImg (no copy). */
    public static Object storage(ArrayImg<?, ?> img) {
        return ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
    }

    /** An ImageJ processor over an ArrayImg's array (no copy). */
    public static ImageProcessor toProcessor(ArrayImg<?, ?> img) {
        int w = (int) img.dimension(0);
        int h = (int) img.dimension(1);
        return processor(storage(img), w, h);
    }

    /** An ImageJ processor over a primitive array of one plane (no copy). */
    static ImageProcessor processor(Object array, int w, int h) {
        if (array instanceof byte[] b) return new ByteProcessor(w, h, b);
        if (array instanceof short[] s) return new ShortProcessor(w, h, s, null);
        if (array instanceof float[] f) return new FloatProcessor(w, h, f);
        if (array instanceof int[] i) return new ColorProcessor(w, h, i);
        throw new IllegalArgumentException("unsupported storage " + array.getClass().getSimpleName());
    }
}
