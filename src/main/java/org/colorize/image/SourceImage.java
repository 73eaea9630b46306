package org.colorize.image;

import net.imglib2.RandomAccessibleInterval;

/**
 * A colorization input: pixels and metadata. The pixels are a {@link RandomAccessibleInterval}
 * with axes x, y and optionally one plane axis (z and t flattened, z fastest, as
 * {@link ImageMetadata#slices()} × {@link ImageMetadata#frames()} says). The element type is
 * {@code UnsignedByteType}, {@code UnsignedShortType}, {@code FloatType} or any other
 * {@code RealType} (read as gray values), or {@code ARGBType} for color input (read as its
 * lightness). Color given as a channel axis is not taken: combine it into ARGB first. An
 * {@code ArrayImg} or {@code PlanarImg} is read straight from its primitive arrays; any other
 * interval through a random access, row by row.
 */
public record SourceImage(RandomAccessibleInterval<?> pixels, ImageMetadata metadata) {

    /** Pixels with default metadata ({@code title}, uncalibrated, every plane a z slice). */
    public static SourceImage of(RandomAccessibleInterval<?> pixels, String title) {
        int planes = pixels.numDimensions() > 2 ? (int) pixels.dimension(2) : 1;
        return new SourceImage(pixels, ImageMetadata.of(title, planes));
    }
}
