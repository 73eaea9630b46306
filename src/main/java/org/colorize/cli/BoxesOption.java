package org.colorize.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import org.colorize.ColorizeException;
import org.colorize.detect.CsvBoxes;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.ParticleBoxes;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.DetectorBoxes;
import org.colorize.pipeline.InstanceAwareColorizer;

/**
 * {@code --boxes detector|csv:FILE|particles|none}: where an instance-aware model's boxes come
 * from on the command line (default: the detector). Other models take no boxes.
 */
final class BoxesOption {
    static final String VALUES = "detector|csv:FILE|particles|none";

    private BoxesOption() {}

    static Colorizer apply(Colorizer colorizer, String value, ModelRegistry registry, PrintStream err) throws ColorizeException {
        if (!(colorizer instanceof InstanceAwareColorizer instances)) {
            if (value != null) throw new ColorizeException("--boxes needs an instance-aware model (--model NAME of kind instance-aware).");
            return colorizer;
        }
        int max = DetectorOptions.DEFAULT_MAX_BOXES;
        String v = value == null ? "detector" : value.strip();
        if (v.equals("detector")) return instances.withBoxes(new DetectorBoxes(registry, DetectorOptions.defaults()), max);
        if (v.equals("particles")) return instances.withBoxes(ParticleBoxes.defaults(), max);
        if (v.equals("none")) return instances.withBoxes(null, max);
        if (v.startsWith("csv:") && v.length() > 4) {
            CsvBoxes csv = CsvBoxes.read(Paths.get(v.substring(4)));
            err.println("colorize: " + csv.all().size() + " boxes from " + v.substring(4) + " (the same boxes for every input)");
            return instances.withBoxes(csv, csv.all().size());
        }
        throw new ColorizeException("--boxes must be one of " + VALUES + ", was '" + value + "'.");
    }
}
