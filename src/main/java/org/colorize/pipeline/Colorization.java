package org.colorize.pipeline;

import java.util.OptionalLong;
import net.imglib2.img.Img;
import org.colorize.image.ImageMetadata;

/**
 * One colored version of an input.
 *
 * @param image      ARGB for 8-bit and RGB input, three channels (x, y, channel[, plane]) of the
 *                   input's depth and range otherwise; see {@link org.colorize.image.ColorOutput}
 * @param metadata   title, calibration and layout of the result
 * @param seed       the sample's seed; empty for a deterministic colorization
 * @param provenance how its colors came to be
 */
public record Colorization(Img<?> image, ImageMetadata metadata, OptionalLong seed, Provenance provenance) {
}
