/**
 * Colorization metrics, evaluation tables and the UI-free core of Evaluate Colorization.
 *
 * <p>The metrics take pixel arrays and do no colour conversion:
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
 *     per image and method plus a mean row per method, written to CSV atomically (format
 *     documented on the table) or as aligned text.</li>
 * </ul>
 * The evaluation itself, which every front end calls:
 * <ul>
 * <li>{@link org.colorize.eval.Evaluator}: pairs prediction and truth files (two files, or two
 *     folders by base name), converts RGB to Lab ab with {@code org.colorize.color.Lab}, scores
 *     the predictions and the {@link org.colorize.eval.Baseline}s (gray; models through
 *     {@link org.colorize.eval.ModelBaseline}, whose colorizer the front end passes) into one table.</li>
 * <li>{@link org.colorize.eval.MakeGray}: a folder of color images → 8-bit gray inputs holding
 *     their L channel, written atomically, never replacing a file.</li>
 * <li>{@link org.colorize.eval.EvaluateOptions}: the option keys shared by the front ends.</li>
 * </ul>
 * <pre>
 * file ──io.ImageDecoder──┐
 *                         ├─▶ DecodedImage ─▶ packed RGB ─▶ Lab ─▶ metrics ─▶ EvaluationTable ─▶ CSV
 * ImagePlus ──ij adapter──┘        truth L ─▶ MakeGray ─▶ ModelBaseline.Colorizer ─▶ packed RGB
 * </pre>
 * Pixels are packed {@code 0xAARRGGBB} ints ({@code org.colorize.color.RgbRaster}), row major;
 * the metrics ignore alpha. No ImageJ or AWT type appears in this package. The test fixtures and
 * the Python script that computes their reference values with scikit-image live in {@code src/test/resources/org/colorize/eval/}.
 */
package org.colorize.eval;
