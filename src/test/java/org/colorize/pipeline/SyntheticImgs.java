package org.colorize.pipeline;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/** ImgLib2 test images, no ImageJ: two flat halves (so colors can be checked away from the edge) and stacks. */
public final class SyntheticImgs {
    public static final int LEFT = 70;
    public static final int RIGHT = 190;

    private SyntheticImgs() {
    }

    /** Left half gray {@value #LEFT}, right half {@value #RIGHT}, repeated over {@code planes} planes. */
    public static ArrayImg<UnsignedByteType, ByteArray> halves(int w, int h, int planes) {
        byte[] p = new byte[w * h * planes];
        for (int z = 0; z < planes; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) p[z * w * h + y * w + x] = (byte) (x < w / 2 ? LEFT : RIGHT);
            }
        }
        return planes == 1 ? ArrayImgs.unsignedBytes(p, w, h) : ArrayImgs.unsignedBytes(p, w, h, planes);
    }

    public static ArrayImg<UnsignedShortType, ShortArray> halves16(int w, int h) {
        short[] p = new short[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[y * w + x] = (short) (x < w / 2 ? 1000 : 4000);
        return ArrayImgs.unsignedShorts(p, w, h);
    }
}
