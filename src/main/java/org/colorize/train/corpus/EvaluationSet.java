package org.colorize.train.corpus;

import java.util.List;
import java.util.Locale;

/**
 * The public evaluation images, by name and content, so that none of them (or a copy of one) is
 * ever trained on. A candidate is excluded when its file name (without extension) is an
 * evaluation name, when its decoded pixels hash the same, or when its perceptual hash is within
 * {@link #MAX_BITS} bits of one of them. The perceptual threshold is looser than the one for
 * de-duplication: a false match costs one training image, a miss leaks a test image.
 */
public final class EvaluationSet {
    public static final int MAX_BITS = 8;

    /** One evaluation image: its name (file name without extension), pixel digest and perceptual hash. */
    public record EvalImage(String name, String pixelSha256, long phash) {
    }

    private final List<EvalImage> images;

    public EvaluationSet(List<EvalImage> images) {
        this.images = List.copyOf(images);
    }

    public List<EvalImage> images() {
        return images;
    }

    /** Why {@code c} must be excluded ({@code eval-name:X}, {@code eval-pixels:X}, {@code eval-phash:X (n bits)}), or null. */
    public String match(Candidate c) {
        return match(c.originalPath(), c.pixelSha256(), c.phash());
    }

    public String match(String logicalPath, String pixelSha256, long phash) {
        String stem = CorpusSources.stem(logicalPath);
        if (CorpusSources.EVALUATION_NAMES.contains(stem)) return "eval-name:" + stem;
        for (EvalImage e : images) {
            if (e.pixelSha256().equals(pixelSha256)) return "eval-pixels:" + e.name();
        }
        EvalImage nearest = null;
        int best = Integer.MAX_VALUE;
        for (EvalImage e : images) {
            int d = PerceptualHash.distance(e.phash(), phash);
            if (d < best) {
                best = d;
                nearest = e;
            }
        }
        if (nearest != null && best <= MAX_BITS) return "eval-phash:" + nearest.name().toLowerCase(Locale.ROOT) + " (" + best + " bits)";
        return null;
    }
}
