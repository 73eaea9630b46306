package org.colorize.eval;

/** Input checks shared by the metrics; every message names the argument and the problem. */
final class Checks {

    private Checks() {
    }

    /** Both pixel arrays present, non-empty and of equal length. */
    static void samePixels(int[] pred, int[] truth) {
        if (pred == null || truth == null) {
            throw new IllegalArgumentException((pred == null ? "pred" : "truth") + " pixels are null");
        }
        if (pred.length != truth.length) {
            throw new IllegalArgumentException("image sizes differ: pred has " + pred.length
                    + " pixels, truth has " + truth.length + "; compare images of the same size");
        }
        if (pred.length == 0) {
            throw new IllegalArgumentException("images are empty (0 pixels)");
        }
    }

    /** Both pixel arrays present and holding exactly {@code width * height} pixels. */
    static void samePixels(int[] pred, int[] truth, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pred == null || truth == null) {
            throw new IllegalArgumentException((pred == null ? "pred" : "truth") + " pixels are null");
        }
        long n = (long) width * height;
        if (pred.length != n || truth.length != n) {
            throw new IllegalArgumentException("image sizes differ: " + width + "x" + height + " needs " + n
                    + " pixels, pred has " + pred.length + ", truth has " + truth.length);
        }
    }
}
