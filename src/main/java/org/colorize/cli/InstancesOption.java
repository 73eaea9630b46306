package org.colorize.cli;

import java.nio.file.Paths;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.detect.CsvBoxes;
import org.colorize.ij.RoiBoxes;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.BoxChoice;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.InstanceAwareColorizer;

/**
 * How an instance-aware model finds its instances on the command line: {@code --instances
 * auto|rois=FILE|particles|boxes=FILE|none} ({@link BoxChoice}; {@code --boxes} is its older
 * spelling), {@code --score S} (the detector's minimum score, 0–1), {@code --max-instances N} (the
 * largest N boxes) and {@code --overlay} (an image of the boxes beside each output,
 * {@link InstanceOverlays}). Each of them needs an instance-aware model.
 *
 * @param source the choice as given, or null for the default (the detector)
 * @param flag   how the choice was given ({@code --instances} or {@code --boxes}), for messages
 */
record InstancesOption(String source, String flag, OptionalDouble score, OptionalInt max, boolean overlay) {
    static final String INSTANCES = "instances";
    static final String BOXES = "boxes";
    static final String SCORE = "score";
    static final String MAX = "max-instances";
    static final String OVERLAY = "overlay";
    /** The keys that take a value. */
    static final List<String> VALUED = List.of(INSTANCES, BOXES, SCORE, MAX);

    /** From the parsed command line; a bad value is an {@link IllegalArgumentException} naming its option. */
    static InstancesOption from(CommandLineArgs a) {
        if (a.has(INSTANCES) && a.has(BOXES)) {
            throw new IllegalArgumentException("give --" + INSTANCES + " or --" + BOXES + " (its older spelling), not both");
        }
        String flag = a.has(BOXES) ? BOXES : INSTANCES;
        OptionalDouble score = OptionalDouble.empty();
        if (a.has(SCORE)) {
            String v = a.value(SCORE, null);
            double s;
            try {
                s = Double.parseDouble(v.strip());
            } catch (NumberFormatException e) {
                s = Double.NaN;
            }
            if (!(s >= 0 && s <= 1)) throw new IllegalArgumentException("--" + SCORE + " must be a number from 0 to 1, was '" + v + "'");
            score = OptionalDouble.of(s);
        }
        OptionalInt max = OptionalInt.empty();
        if (a.has(MAX)) {
            int n = a.intValue(MAX, 0);
            if (n < 1) throw new IllegalArgumentException("--" + MAX + " must be at least 1, was " + n);
            max = OptionalInt.of(n);
        }
        return new InstancesOption(a.value(flag, null), "--" + flag, score, max, a.flag(OVERLAY));
    }

    /**
     * {@code colorizer} with its boxes as these options choose them; any other colorizer as it is,
     * when none of them was given.
     */
    Colorizer apply(Colorizer colorizer, ModelRegistry registry, Consumer<String> notes) throws ColorizeException {
        if (!(colorizer instanceof InstanceAwareColorizer)) {
            String given = score.isPresent() ? SCORE : max.isPresent() ? MAX : overlay ? OVERLAY : null;
            if (given != null) throw new ColorizeException("--" + given + " needs an instance-aware model (--model NAME of kind instance-aware).");
        }
        if (score.isPresent() && !BoxChoice.usesDetector(source)) {
            throw new ColorizeException("--" + SCORE + " is the detector's minimum score; it does not apply to " + flag + " " + source + ".");
        }
        return BoxChoice.apply(colorizer, source, flag, new BoxChoice.Limits(score, max), registry,
                location -> CsvBoxes.read(Paths.get(location)), location -> RoiBoxes.read(Paths.get(location)), notes);
    }
}
