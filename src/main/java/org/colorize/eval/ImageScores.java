package org.colorize.eval;

import java.util.Objects;

/**
 * Scores of one predicted image against its ground truth (one row of an {@link EvaluationTable}).
 *
 * @param name              image name (any text; quoted in CSV when needed)
 * @param psnr              {@link Psnr#rgb}, dB; +∞ for identical images
 * @param ssim              {@link Ssim#rgb} (or whichever SSIM variant the caller chose)
 * @param auc               {@link AbErrorAuc#auc}
 * @param colorfulnessPred  {@link Colorfulness#of} of the prediction
 * @param colorfulnessTruth {@link Colorfulness#of} of the ground truth
 * @param deltaColorfulness |CF(pred) − CF(truth)|
 */
public record ImageScores(String name, double psnr, double ssim, double auc, double colorfulnessPred,
        double colorfulnessTruth, double deltaColorfulness) {

    public ImageScores {
        Objects.requireNonNull(name, "name");
    }
}
