package org.colorize.image;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;

/**
 * The primitive array a plane of an image lives in, and where in it the plane starts: found for
 * an {@link ArrayImg} (planes one after another in one array) and a {@link PlanarImg} (one array
 * per plane), so the row readers index the array directly instead of going through a random
 * access per pixel.
 */
record PlaneArray(Object array, int offset) {

    /** Plane {@code z} (0-based) of an image with axes x, y[, plane], or null when it is not array-backed. */
    static PlaneArray find(RandomAccessibleInterval<?> image, int z) {
        if (image.numDimensions() > 3) return null;
        long planeSize = image.dimension(0) * image.dimension(1);
        if (image instanceof ArrayImg<?, ?> array && array.update(null) instanceof ArrayDataAccess<?> access) {
            long offset = z * planeSize;
            if (offset + planeSize > Integer.MAX_VALUE) return null;
            return new PlaneArray(access.getCurrentStorageArray(), (int) offset);
        }
        if (image instanceof PlanarImg<?, ?> planar) {
            return new PlaneArray(planar.getPlane(z).getCurrentStorageArray(), 0);
        }
        return null;
    }
}
