/**
 * Color spaces and Zhang et al.'s quantized ab machinery.
 *
 * <p>Conversions (sRGB transfer curve, CIE L*a*b*, YUV, YCbCr, HSL) work on single colors and
 * never allocate, so they can run inside per-pixel loops; {@link org.colorize.color.ColorImages}
 * applies them to whole ImgLib2 images. {@link org.colorize.color.AbGamut},
 * {@link org.colorize.color.SoftEncoding}, {@link org.colorize.color.AnnealedMean} and
 * {@link org.colorize.color.ClassRebalancing} implement the classification view of colorization
 * from Zhang, Isola, Efros, "Colorful Image Colorization", ECCV 2016.
 */
package org.colorize.color;
