package org.colorize.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an image is besides its pixels, as plain data: what the ImageJ adapter reads from an
 * ImagePlus and writes back onto the result, and what an ImgLib2 caller may leave at its defaults.
 *
 * @param title        shown and used to name the result
 * @param calibration  pixel sizes and units
 * @param sliceLabels  one label per plane (entries may be null); empty when there are none
 * @param channels     channels of the source (colorization takes one)
 * @param slices       z planes
 * @param frames       time points; {@code slices × frames} planes in all, z fastest
 * @param displayMin   lower end of the display range
 * @param displayMax   upper end of the display range
 * @param invertedLut  8-bit shown through an inverting lookup table (colorized as displayed)
 * @param indexedColor 8-bit with a color table, whose index values are read as gray levels
 * @param virtual      planes are read from disk on demand (memory messages say so)
 * @param hyperStack   shown as a hyperstack
 * @param sourcePath   the file the image came from, or null
 * @param rgbChannels  its three 16-bit channels are the red, green and blue of one sRGB image
 *                     (a 48-bit scan), read as one RGB image of 16-bit depth
 */
public record ImageMetadata(String title, PixelCalibration calibration, List<String> sliceLabels, int channels,
        int slices, int frames, double displayMin, double displayMax, boolean invertedLut, boolean indexedColor,
        boolean virtual, boolean hyperStack, String sourcePath, boolean rgbChannels) {

    public ImageMetadata {
        title = title == null ? "" : title;
        calibration = calibration == null ? PixelCalibration.NONE : calibration;
        sliceLabels = sliceLabels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sliceLabels));
        if (rgbChannels && channels != 3) throw new IllegalArgumentException("RGB channels are 3, not " + channels);
    }

    /** Metadata of an image whose channels are not the colors of one RGB image. */
    public ImageMetadata(String title, PixelCalibration calibration, List<String> sliceLabels, int channels, int slices,
            int frames, double displayMin, double displayMax, boolean invertedLut, boolean indexedColor, boolean virtual,
            boolean hyperStack, String sourcePath) {
        this(title, calibration, sliceLabels, channels, slices, frames, displayMin, displayMax, invertedLut, indexedColor,
                virtual, hyperStack, sourcePath, false);
    }

    /** An uncalibrated image of {@code planes} z planes with nothing else known. */
    public static ImageMetadata of(String title, int planes) {
        return new ImageMetadata(title, PixelCalibration.NONE, List.of(), 1, planes, 1, Double.NaN, Double.NaN,
                false, false, false, false, null);
    }

    public int planes() {
        return slices * frames;
    }

    /** The same with {@code planes} z planes in one time point (for pixels whose plane count the layout does not match). */
    public ImageMetadata withPlanes(int planes) {
        return new ImageMetadata(title, calibration, sliceLabels, channels, planes, 1, displayMin, displayMax, invertedLut,
                indexedColor, virtual, false, sourcePath, rgbChannels);
    }

    /** The label of plane {@code index} (0-based), or null. */
    public String sliceLabel(int index) {
        return index < sliceLabels.size() ? sliceLabels.get(index) : null;
    }

    /** The title without extension and without anything after a space, as ImageJ shortens titles. */
    public String shortTitle() {
        String t = title.trim();
        int space = t.indexOf(' ');
        if (space > -1) t = t.substring(0, space);
        int dot = t.lastIndexOf('.');
        return dot > 0 ? t.substring(0, dot) : t;
    }

    /**
     * The metadata of a result made from this image: new title, one channel per color, the given
     * display range; three channels of an RGB input stay RGB channels.
     */
    public ImageMetadata derived(String newTitle, int newChannels, double min, double max) {
        return new ImageMetadata(newTitle, calibration, sliceLabels, newChannels, slices, frames, min, max, false, false,
                false, hyperStack, null, rgbChannels && newChannels == 3);
    }
}
