package org.colorize.io;

import ij.ImagePlus;
import ij.process.ImageProcessor;
import org.colorize.color.RgbRaster;

/**
 * An ImagePlus (its current slice) as a {@link DecodedImage}: RGB without copying its array,
 * 8-bit indexed color through its color table, 8-bit gray as R = G = B = the displayed gray
 * level (the stored value through its gray table, {@link DisplayedGray}; independent of the
 * display range); deeper gray images keep
 * only their facts. The one place where ImageJ images become core rasters for evaluation and
 * training; the ImageJ front end uses it for open images, {@link ImageDecoder} for files only
 * ImageJ can read.
 */
public final class ImagePlusDecoding {
    private ImagePlusDecoding() {
    }

    public static DecodedImage of(ImagePlus imp) {
        ImageProcessor ip = imp.getProcessor();
        int w = ip.getWidth();
        int h = ip.getHeight();
        int slices = imp.getStackSize();
        switch (imp.getType()) {
            case ImagePlus.COLOR_RGB:
                return DecodedImage.color(new RgbRaster(w, h, (int[]) ip.getPixels(), false), slices);
            case ImagePlus.COLOR_256:
                return DecodedImage.color(new RgbRaster(w, h, (int[]) ip.convertToRGB().getPixels(), false), slices);
            case ImagePlus.GRAY8: {
                byte[] px = (byte[]) ip.getPixels();
                byte[] shown = switch (DisplayedGray.of(ip)) {
                    case IDENTITY -> px;
                    case INVERTED, GRAY -> DisplayedGray.map(px, DisplayedGray.grayTable(ip));
                    case COLOR -> null;
                };
                if (shown == null) return DecodedImage.color(new RgbRaster(w, h, (int[]) ip.convertToRGB().getPixels(), false), slices);
                return DecodedImage.gray(RgbRaster.ofGray(w, h, shown), slices);
            }
            default:
                return DecodedImage.deepGray(w, h, imp.getBitDepth(), slices);
        }
    }
}
