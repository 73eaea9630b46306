package org.colorize.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.colorize.ColorizeException;
import org.colorize.detect.Box;
import org.colorize.detect.Detector;
import org.colorize.detect.DetectorOptions;

/**
 * Semantic interpretability of a colorization: does the COCO detector, shown the colorized image in
 * color, find what it finds in the true color image? The truth's boxes are the reference; a box of
 * the colorized image matches one of the truth's when it has the same class and IoU ≥
 * {@value #MIN_IOU} (each box matched at most once, best-scoring truth boxes first, each taking its
 * highest-IoU partner). Per method: truth and predicted boxes, matches, recall (matched / truth),
 * precision (matched / predicted), F1, and the mean over images of the Jaccard index of the two
 * class sets. The gray baseline (L only, a = b = 0) is the reference a colorization should beat.
 */
public final class DetectorAgreement implements Evaluator.PredictionObserver {
    public static final double MIN_IOU = 0.5;

    private final Detector detector;
    private final DetectorOptions options;
    private final Map<String, List<Box>> truthBoxes = new LinkedHashMap<>();
    private final Map<String, Tally> byMethod = new LinkedHashMap<>();

    /** Per-method counts. */
    public static final class Tally {
        int images;
        int truth;
        int predicted;
        int matched;
        double classJaccard;

        public double recall() {
            return truth == 0 ? Double.NaN : (double) matched / truth;
        }

        public double precision() {
            return predicted == 0 ? Double.NaN : (double) matched / predicted;
        }

        public double f1() {
            double r = recall();
            double p = precision();
            return r + p > 0 ? 2 * r * p / (r + p) : 0;
        }

        public double meanClassJaccard() {
            return images == 0 ? Double.NaN : classJaccard / images;
        }

        public int matched() {
            return matched;
        }

        public int truth() {
            return truth;
        }

        public int predicted() {
            return predicted;
        }
    }

    public DetectorAgreement(Detector detector, DetectorOptions options) {
        this.detector = detector;
        this.options = options;
    }

    @Override
    public void observe(String image, String method, int[] pred, int[] truth, int width, int height) throws ColorizeException {
        List<Box> t = truthBoxes.get(image);
        if (t == null) {
            t = detector.boxesOfRgb(truth, width, height, options);
            truthBoxes.put(image, t);
        }
        List<Box> p = detector.boxesOfRgb(pred, width, height, options);
        Tally tally = byMethod.computeIfAbsent(method, k -> new Tally());
        tally.images++;
        tally.truth += t.size();
        tally.predicted += p.size();
        tally.matched += matches(t, p);
        tally.classJaccard += classJaccard(t, p);
    }

    /** Greedy one-to-one matches of the same class at IoU ≥ {@link #MIN_IOU}. */
    static int matches(List<Box> truth, List<Box> pred) {
        boolean[] used = new boolean[pred.size()];
        int matched = 0;
        List<Box> ordered = new ArrayList<>(truth);
        ordered.sort((a, b) -> Double.compare(b.score(), a.score()));
        for (Box t : ordered) {
            int best = -1;
            double bestIou = MIN_IOU;
            for (int j = 0; j < pred.size(); j++) {
                if (used[j] || pred.get(j).classId() != t.classId()) continue;
                double iou = t.iou(pred.get(j));
                if (iou >= bestIou) {
                    bestIou = iou;
                    best = j;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            }
        }
        return matched;
    }

    /** |A ∩ B| / |A ∪ B| of the class sets; 1 when both images show no object. */
    static double classJaccard(List<Box> truth, List<Box> pred) {
        Set<Integer> a = new HashSet<>();
        truth.forEach(b -> a.add(b.classId()));
        Set<Integer> b = new HashSet<>();
        pred.forEach(x -> b.add(x.classId()));
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) return 1;
        a.retainAll(b);
        return (double) a.size() / union.size();
    }

    public Map<String, Tally> tallies() {
        return byMethod;
    }

    /** The per-method table as aligned text. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "detector agreement with the truth (COCO CenterNet, score >= %.2f, same class and"
                + " IoU >= %.1f)%n", options.minScore(), MIN_IOU));
        sb.append(String.format(Locale.ROOT, "%-28s %6s %6s %6s %7s %9s %6s %8s%n", "method", "images", "truth", "pred",
                "matched", "precision", "recall", "classes"));
        byMethod.forEach((m, t) -> sb.append(String.format(Locale.ROOT, "%-28s %6d %6d %6d %7d %9.3f %6.3f %8.3f%n", m, t.images,
                t.truth, t.predicted, t.matched, t.precision(), t.recall(), t.meanClassJaccard())));
        return sb.toString();
    }
}
