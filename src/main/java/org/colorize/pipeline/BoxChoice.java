package org.colorize.pipeline;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.detect.CsvBoxes;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.FixedBoxes;
import org.colorize.detect.ParticleBoxes;
import org.colorize.model.ModelRegistry;

/**
 * Where an instance-aware model's boxes come from, named as the front ends name it: {@code auto}
 * (the detector, the default), {@code rois=LOCATION} (a RoiSet .zip or a .roi file as ImageJ's ROI
 * Manager saves them), {@code particles}, {@code boxes=LOCATION} (a CSV of boxes) or {@code none};
 * the older spellings {@code detector} and {@code csv:LOCATION} are still understood. The command
 * line ({@code --instances}, {@code --boxes}) and the Spark job ({@code --instances}) choose
 * through this; how a file is read is theirs (a local path, a Hadoop URI), and ROI files can only
 * be read where ImageJ's decoder is (not on a Spark executor).
 */
public final class BoxChoice {
    /** The choices of a front end that reads ROI files. */
    public static final String WITH_ROIS = "auto|rois=FILE|particles|boxes=FILE|none";
    /** The choices of every front end. */
    public static final String VALUES = "auto|particles|boxes=FILE|none";

    /** Reads the box file a {@code boxes=} (or {@code csv:}) choice names. */
    @FunctionalInterface
    public interface CsvOpener {
        CsvBoxes open(String location) throws ColorizeException;
    }

    /** Reads the ROI file a {@code rois=} choice names: each ROI's bounding box, labelled with its name. */
    @FunctionalInterface
    public interface RoiOpener {
        FixedBoxes open(String location) throws ColorizeException;
    }

    /**
     * How many boxes are used (the largest) and how sure the detector must be; each empty for the
     * default: score {@value DetectorOptions#DEFAULT_MIN_SCORE}, {@value DetectorOptions#DEFAULT_MAX_BOXES}
     * boxes from the detector or particles, every box of a file.
     */
    public record Limits(OptionalDouble minScore, OptionalInt maxBoxes) {
        public static final Limits DEFAULTS = new Limits(OptionalDouble.empty(), OptionalInt.empty());

        public Limits {
            if (minScore.isPresent() && !(minScore.getAsDouble() >= 0 && minScore.getAsDouble() <= 1)) {
                throw new IllegalArgumentException("the minimum score must be in 0…1, was " + minScore.getAsDouble());
            }
            if (maxBoxes.isPresent() && maxBoxes.getAsInt() < 1) {
                throw new IllegalArgumentException("the most boxes must be at least 1, was " + maxBoxes.getAsInt());
            }
        }
    }

    private enum Kind { DETECTOR, ROIS, PARTICLES, BOXES, NONE }

    private record Parsed(Kind kind, String location) {
    }

    private BoxChoice() {
    }

    /** Refuses a choice that is none of {@link #VALUES} ({@code flag} names it in the message); null is the default. */
    public static void check(String value, String flag) throws ColorizeException {
        parse(value, flag, false);
    }

    /** Whether {@code value} (null: the default) takes its boxes from the detector, the one source with scores to limit. */
    public static boolean usesDetector(String value) {
        String v = value == null ? "auto" : value.strip();
        return v.equals("auto") || v.equals("detector");
    }

    /**
     * {@code colorizer} with its boxes from {@code value} (null: the default) and the default
     * limits, for a front end without ROI files; other colorizers unchanged, but only when no
     * choice was asked for ({@code flag} names it in the message).
     */
    public static Colorizer apply(Colorizer colorizer, String value, String flag, ModelRegistry registry, CsvOpener csv,
            Consumer<String> notes) throws ColorizeException {
        return apply(colorizer, value, flag, Limits.DEFAULTS, registry, csv, null, notes);
    }

    /**
     * {@code colorizer} with its boxes from {@code value} (null: the default) within {@code limits};
     * other colorizers unchanged, but only when no choice was asked for. {@code rois} null: this
     * front end cannot read ROI files, and {@code rois=} is refused.
     */
    public static Colorizer apply(Colorizer colorizer, String value, String flag, Limits limits, ModelRegistry registry,
            CsvOpener csv, RoiOpener rois, Consumer<String> notes) throws ColorizeException {
        Parsed choice = parse(value, flag, rois != null);
        if (!(colorizer instanceof InstanceAwareColorizer instances)) {
            if (value != null) throw new ColorizeException(flag + " needs an instance-aware model (--model NAME of kind instance-aware).");
            return colorizer;
        }
        int max = limits.maxBoxes().orElse(DetectorOptions.DEFAULT_MAX_BOXES);
        switch (choice.kind()) {
            case DETECTOR -> {
                float score = (float) limits.minScore().orElse(DetectorOptions.DEFAULT_MIN_SCORE);
                return instances.withBoxes(new DetectorBoxes(registry, DetectorOptions.defaults().withMinScore(score).withMaxBoxes(max)), max);
            }
            case PARTICLES -> {
                return instances.withBoxes(ParticleBoxes.defaults().withMaxBoxes(max), max);
            }
            case NONE -> {
                return instances.withBoxes(null, max);
            }
            default -> {
                FixedBoxes boxes = choice.kind() == Kind.ROIS ? rois.open(choice.location()) : csv.open(choice.location());
                int n = boxes.all().size();
                int used = Math.min(n, limits.maxBoxes().orElse(n));
                notes.accept(n + (choice.kind() == Kind.ROIS ? " ROIs" : " boxes") + " from " + choice.location()
                        + " (the same boxes for every input)" + (used < n ? "; the " + used + " largest are used" : ""));
                return instances.withBoxes(boxes, used);
            }
        }
    }

    private static Parsed parse(String value, String flag, boolean roisReadable) throws ColorizeException {
        if (value == null) return new Parsed(Kind.DETECTOR, null);
        String v = value.strip();
        if (usesDetector(v)) return new Parsed(Kind.DETECTOR, null);
        if (v.equals("particles")) return new Parsed(Kind.PARTICLES, null);
        if (v.equals("none")) return new Parsed(Kind.NONE, null);
        String csv = location(v, "boxes=", "csv:");
        if (csv != null) return new Parsed(Kind.BOXES, csv);
        String rois = location(v, "rois=");
        if (rois != null) {
            if (roisReadable) return new Parsed(Kind.ROIS, rois);
            throw new ColorizeException(flag + " rois=FILE needs ImageJ's ROI decoder, which is not here; give the boxes as"
                    + " boxes=FILE (a CSV of x1,y1,x2,y2).");
        }
        throw new ColorizeException(flag + " must be one of " + (roisReadable ? WITH_ROIS : VALUES) + ", was '" + value + "'.");
    }

    /** What follows the first of {@code prefixes} that starts {@code v}, or null when none does or nothing follows. */
    private static String location(String v, String... prefixes) {
        for (String p : prefixes) {
            if (v.startsWith(p) && v.length() > p.length()) return v.substring(p.length());
        }
        return null;
    }
}
