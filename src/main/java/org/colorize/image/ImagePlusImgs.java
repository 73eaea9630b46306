package org.colorize.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.NativeType;
import net.imglib2.view.Views;

/**
 * ImagePlus planes ↔ ImgLib2 ArrayImgs sharing the same primitive arrays: wrapping never copies
 * pixels, and writing through one view is visible in the other.
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
     * A zero-copy 3D view (x, y, plane) of an in-memory stack; virtual stacks are read plane by
     * plane into memory by ImageJ itself.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RandomAccessibleInterval<?> wrap(ImagePlus imp) {
        ImageStack stack = imp.getStack();
        List<RandomAccessibleInterval> planes = new ArrayList<>();
        for (int i = 1; i <= stack.getSize(); i++) planes.add(wrap(stack.getProcessor(i)));
        return planes.size() == 1 ? planes.get(0) : Views.stack((List) planes);
    }

    /** The primitive array behind an ArrayImg (no copy). */
    public static Object storage(ArrayImg<?, ?> img) {
        return ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
    }

    /** An ImageJ processor over an ArrayImg's array (no copy). */
    public static ImageProcessor toProcessor(ArrayImg<?, ?> img) {
        int w = (int) img.dimension(0);
        int h = (int) img.dimension(1);
        Object array = storage(img);
        if (array instanceof byte[] b) return new ByteProcessor(w, h, b);
        if (array instanceof short[] s) return new ShortProcessor(w, h, s, null);
        if (array instanceof float[] f) return new FloatProcessor(w, h, f);
        if (array instanceof int[] i) return new ColorProcessor(w, h, i);
        throw new IllegalArgumentException("unsupported storage " + array.getClass().getSimpleName());
    }
}
