package org.colorize.ij;

import ij.ImagePlus;
import org.colorize.eval.Evaluator;
import org.colorize.io.ImagePlusDecoding;

/**
 * Evaluation's ImageJ edge: open images become {@link Evaluator.OpenImage}s.
 */
public final class EvalImagesIJ {
    private EvalImagesIJ() {
    }

    /** An open image for {@link Evaluator}: its row is named by its short title (no extension). */
    public static Evaluator.OpenImage open(ImagePlus imp) {
        return new Evaluator.OpenImage(imp.getShortTitle(), imp.getTitle(), ImagePlusDecoding.of(imp));
    }
}
