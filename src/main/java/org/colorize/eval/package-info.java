/**
 * Colorization metrics and evaluation tables, free of UI and of colour conversion.
 *
 * <ul>
 * <li>{@link org.colorize.eval.Psnr}: PSNR over the RGB samples, peak 255.</li>
 * <li>{@link org.colorize.eval.Ssim}: mean SSIM over R, G, B; scikit-image defaults
 *     ({@code rgb}) or Wang et al.'s Gaussian window ({@code rgbGaussian}).</li>
 * <li>{@link org.colorize.eval.AbErrorAuc}: Zhang et al.'s raw-accuracy AuC of the ab-error
 *     curve, thresholds 0..150, trapezoid rule / 150. Takes ab planes; the caller converts
 *     RGB to Lab.</li>
 * <li>{@link org.colorize.eval.Colorfulness}: Hasler &amp; Süsstrunk CF and ΔCF.</li>
 * <li>{@link org.colorize.eval.ImageScores}, {@link org.colorize.eval.EvaluationTable}: one row
 *     per image plus a mean row, written to CSV atomically.</li>
 * </ul>
 * Images are ImageJ {@code ColorProcessor} pixel arrays (packed {@code 0xAARRGGBB} ints, row
 * major; alpha ignored). The test fixtures and the Python script that computes their reference
 * values with scikit-image live in {@code src/test/resources/org/colorize/eval/}.
 */
package org.colorize.eval;
