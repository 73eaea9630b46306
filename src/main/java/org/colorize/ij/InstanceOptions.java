package org.colorize.ij;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.detect.DetectorOptions;

/**
 * Every option of Colorize Instances..., with its macro key, label and default: one vocabulary
 * for the dialog, the recorder and macros ({@code model= boxes=detector|roi|particles|csv score=
 * max= file= threshold= minsize= maxsize= overlay}).
 */
record InstanceOptions(String model, String boxes, double score, int max, String file, double threshold, long minSize, long maxSize,
        boolean overlay, java.util.Set<Integer> classes) {
    static final String MODEL = "model";
    static final String BOXES = "boxes";
    static final String SCORE = "score";
    static final String MAX = "max";
    static final String FILE = "file";
    static final String THRESHOLD = "threshold";
    static final String MINSIZE = "minsize";
    static final String MAXSIZE = "maxsize";
    static final String OVERLAY = "overlay";
    /** Detector class filter: COCO names separated by commas, e.g. {@code classes=[person,dog]}; empty for all. */
    static final String CLASSES = "classes";
    static final List<String> KEYS = List.of(MODEL, BOXES, SCORE, MAX, FILE, THRESHOLD, MINSIZE, MAXSIZE, OVERLAY, CLASSES);
    static final String[] SOURCES = {"detector", "roi", "particles", "csv"};

    InstanceOptions {
        if (!List.of(SOURCES).contains(boxes)) {
            throw new IllegalArgumentException(BOXES + " must be one of " + String.join(", ", SOURCES) + ", was '" + boxes + "'");
        }
        if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException(SCORE + " must be in 0…1, was " + score);
        if (max < 1) throw new IllegalArgumentException(MAX + " must be at least 1, was " + max);
        if (boxes.equals("csv") && (file == null || file.isBlank())) throw new IllegalArgumentException("boxes=csv needs file=PATH");
        if (minSize < 1 || maxSize < minSize) throw new IllegalArgumentException(MINSIZE + "/" + MAXSIZE + " must satisfy 1 ≤ min ≤ max");
        classes = java.util.Set.copyOf(classes);
    }

    /** COCO class names → ids; an unknown name is an error listing the names. */
    static java.util.Set<Integer> classIds(String names) {
        java.util.Set<Integer> ids = new java.util.TreeSet<>();
        if (names == null || names.isBlank()) return ids;
        for (String n : names.split(",")) {
            int id = org.colorize.detect.CocoLabels.LABELS.indexOf(n.strip().toLowerCase(Locale.ROOT));
            if (id < 0) throw new IllegalArgumentException(CLASSES + ": '" + n.strip() + "' is not a COCO class (" + String.join(", ",
                    org.colorize.detect.CocoLabels.LABELS) + ")");
            ids.add(id);
        }
        return ids;
    }

    static InstanceOptions defaults(String model) {
        return new InstanceOptions(model, "detector", DetectorOptions.DEFAULT_MIN_SCORE, DetectorOptions.DEFAULT_MAX_BOXES, "", Double.NaN, 50,
                Long.MAX_VALUE, false, java.util.Set.of());
    }

    /** A particle size limit; absent or 0 (what the dialog records for "no limit"): none. */
    private static long maxSize(String v) {
        long n = v == null ? 0 : Long.parseLong(v);
        return n <= 0 ? Long.MAX_VALUE : n;
    }

    /** From macro values; a bad value is an error naming the key. */
    static InstanceOptions fromMap(Map<String, String> v, String defaultModel) {
        InstanceOptions d = defaults(defaultModel);
        try {
            String t = v.getOrDefault(THRESHOLD, "auto");
            return new InstanceOptions(v.getOrDefault(MODEL, d.model()), v.getOrDefault(BOXES, d.boxes()).toLowerCase(Locale.ROOT),
                    Double.parseDouble(v.getOrDefault(SCORE, String.valueOf(d.score()))), Integer.parseInt(v.getOrDefault(MAX, String.valueOf(d.max()))),
                    v.getOrDefault(FILE, ""), t.equalsIgnoreCase("auto") ? Double.NaN : Double.parseDouble(t),
                    Long.parseLong(v.getOrDefault(MINSIZE, String.valueOf(d.minSize()))),
                    maxSize(v.get(MAXSIZE)), v.containsKey(OVERLAY), classIds(v.get(CLASSES)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number option has a value that is not a number: " + e.getMessage());
        }
    }
}
