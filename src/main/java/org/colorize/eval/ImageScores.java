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
 * @param method            which method made the prediction: {@value #PRED} for the predictions
 *                          given to the evaluation, {@value #GRAY} for the gray baseline,
 *                          {@value #MODEL_PREFIX}NAME for a model baseline (see {@link Baseline})
 */
public record ImageScores(String name, double psnr, double ssim, double auc, double colorfulnessPred,
        double colorfulnessTruth, double deltaColorfulness, String method) {

    /** Method of the predictions the user gave (a file or folder of colorized images). */
    public static final String PRED = "pred";
    /** Method of the gray baseline: the truth's own L with a = b = 0. */
    public static final String GRAY = "gray";
    /** Prefix of a model baseline's method; the model's name follows. */
    public static final String MODEL_PREFIX = "model:";

    public ImageScores {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method is empty");
        }
    }

    /** Scores of the user's predictions (method {@value #PRED}). */
    public ImageScores(String name, double psnr, double ssim, double auc, double colorfulnessPred,
            double colorfulnessTruth, double deltaColorfulness) {
        this(name, psnr, ssim, auc, colorfulnessPred, colorfulnessTruth, deltaColorfulness, PRED);
    }
}
