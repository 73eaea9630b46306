package org.colorize.spark;

import java.util.List;
import net.imglib2.img.array.ArrayImgs;
import org.colorize.ColorizeException;
import org.colorize.color.RgbRaster;
import org.colorize.image.ImageMetadata;
import org.colorize.image.PixelCalibration;
import org.colorize.image.SourceImage;
import org.colorize.io.DecodedImage;

/**
 * A decoded file as the colorizer's input, the way ImageJ presents the same file to the command
 * line: 8-bit gray as unsigned bytes, color as ARGB, display range 0–255, titled by its file name.
 * So a job's pixels equal the command line's for the same PNG, JPEG, BMP or 8-bit TIFF.
 */
final class DecodedSources {
    private DecodedSources() {
    }

    static SourceImage of(DecodedImage decoded, String name, String uri) throws ColorizeException {
        RgbRaster raster = decoded.raster();
        if (raster == null) {
            throw new ColorizeException(decoded.bitDepth() + "-bit gray images need the command line (ImageJ reads their"
                    + " display range); the Spark job reads 8-bit gray and RGB");
        }
        ImageMetadata metadata = new ImageMetadata(name, PixelCalibration.NONE, List.of(), 1, 1, 1, 0, 255, false, false,
                false, false, uri);
        int w = decoded.width();
        int h = decoded.height();
        if (decoded.gray()) {
            int[] argb = raster.argb();
            byte[] gray = new byte[argb.length];
            for (int i = 0; i < argb.length; i++) gray[i] = (byte) argb[i];
            return new SourceImage(ArrayImgs.unsignedBytes(gray, w, h), metadata);
        }
        return new SourceImage(ArrayImgs.argbs(raster.argb(), w, h), metadata);
    }
}
