package org.colorize.pipeline;

import java.util.List;

/**
 * New color images (the source is untouched): one for a deterministic colorizer, several for a
 * sampling one; what the user should know about them, and timings.
 */
public record ColorizeResult(List<Colorization> colorizations, List<String> warnings, StageTimes times) {

    public ColorizeResult {
        colorizations = List.copyOf(colorizations);
        warnings = List.copyOf(warnings);
    }

    /** The first (for a full-image colorizer, the only) colorization. */
    public Colorization first() {
        return colorizations.get(0);
    }
}
