package org.colorize.pipeline;

import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.detect.CsvBoxes;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.ParticleBoxes;
import org.colorize.model.ModelRegistry;

/**
 * Where an instance-aware model's boxes come from, named as the front ends name it:
 * {@code detector} (the default), {@code particles}, {@code none} or {@code csv:LOCATION}. The
 * command line ({@code --boxes}) and the Spark job ({@code --instances}) choose through this; how a
 * CSV location is read is theirs (a local path, a Hadoop URI).
 */
public final class BoxChoice {
    public static final String VALUES = "detector|csv:FILE|particles|none";

    /** Reads the box file a {@code csv:} choice names. */
    @FunctionalInterface
    public interface CsvOpener {
        CsvBoxes open(String location) throws ColorizeException;
    }

    private BoxChoice() {
    }

    /** Refuses a choice that is none of {@link #VALUES} ({@code flag} names it in the message); null is the default. */
    public static void check(String value, String flag) throws ColorizeException {
        if (value == null) return;
        String v = value.strip();
        if (v.equals("detector") || v.equals("particles") || v.equals("none") || (v.startsWith("csv:") && v.length() > 4)) return;
        throw new ColorizeException(flag + " must be one of " + VALUES + ", was '" + value + "'.");
    }

    /**
     * {@code colorizer} with its boxes from {@code value} (null: the default); other colorizers
     * unchanged, but only when no choice was asked for ({@code flag} names it in the message).
     */
    public static Colorizer apply(Colorizer colorizer, String value, String flag, ModelRegistry registry, CsvOpener csv,
            Consumer<String> notes) throws ColorizeException {
        check(value, flag);
        if (!(colorizer instanceof InstanceAwareColorizer instances)) {
            if (value != null) throw new ColorizeException(flag + " needs an instance-aware model (--model NAME of kind instance-aware).");
            return colorizer;
        }
        int max = DetectorOptions.DEFAULT_MAX_BOXES;
        String v = value == null ? "detector" : value.strip();
        if (v.equals("detector")) return instances.withBoxes(new DetectorBoxes(registry, DetectorOptions.defaults()), max);
        if (v.equals("particles")) return instances.withBoxes(ParticleBoxes.defaults(), max);
        if (v.equals("none")) return instances.withBoxes(null, max);
        CsvBoxes boxes = csv.open(v.substring(4));
        notes.accept(boxes.all().size() + " boxes from " + v.substring(4) + " (the same boxes for every input)");
        return instances.withBoxes(boxes, boxes.all().size());
    }
}
