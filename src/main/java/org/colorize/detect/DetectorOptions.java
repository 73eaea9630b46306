package org.colorize.detect;

import java.util.Set;

/**
 * Which detections to keep: score at least {@code minScore}, at most {@code maxBoxes} (best first),
 * only the class ids in {@code classes} (empty: all), and none that overlaps a better box of its
 * class by more than {@code maxOverlap} (IoU; 1 keeps all).
 */
public record DetectorOptions(float minScore, int maxBoxes, Set<Integer> classes, double maxOverlap) {
    /** InstColorization keeps the top 8 boxes. */
    public static final int DEFAULT_MAX_BOXES = 8;
    /**
     * CenterNet's heatmap peaks are lower than Mask R-CNN's softmax scores (InstColorization keeps
     * ≥ 0.7 there); 0.3 keeps the clear objects of the test photos and drops the 0.2-level noise.
     */
    public static final float DEFAULT_MIN_SCORE = 0.3f;
    /**
     * CenterNet's 3×3 peak picking leaves near-copies of a large object's box (the gray astronaut:
     * three person boxes with IoU > 0.8); without this they would take the slots of other objects.
     */
    public static final double DEFAULT_MAX_OVERLAP = 0.5;

    public DetectorOptions {
        if (!(minScore >= 0 && minScore <= 1)) throw new IllegalArgumentException("minScore must be in 0…1, was " + minScore);
        if (maxBoxes < 0) throw new IllegalArgumentException("maxBoxes must be ≥ 0, was " + maxBoxes);
        if (!(maxOverlap > 0 && maxOverlap <= 1)) throw new IllegalArgumentException("maxOverlap must be in (0, 1], was " + maxOverlap);
        classes = Set.copyOf(classes);
    }

    public static DetectorOptions defaults() {
        return new DetectorOptions(DEFAULT_MIN_SCORE, DEFAULT_MAX_BOXES, Set.of(), DEFAULT_MAX_OVERLAP);
    }

    public DetectorOptions withMinScore(float score) {
        return new DetectorOptions(score, maxBoxes, classes, maxOverlap);
    }

    public DetectorOptions withMaxBoxes(int n) {
        return new DetectorOptions(minScore, n, classes, maxOverlap);
    }

    public DetectorOptions withClasses(Set<Integer> ids) {
        return new DetectorOptions(minScore, maxBoxes, ids, maxOverlap);
    }

    public DetectorOptions withMaxOverlap(double iou) {
        return new DetectorOptions(minScore, maxBoxes, classes, iou);
    }

    boolean accepts(int classId) {
        return classes.isEmpty() || classes.contains(classId);
    }
}
