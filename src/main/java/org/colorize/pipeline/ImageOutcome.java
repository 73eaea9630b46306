package org.colorize.pipeline;

import java.util.List;

/**
 * What became of one input of a batch, with the seconds each stage took (wall clock on the
 * thread that ran it; 0 for a stage not reached).
 *
 * @param input       the input, as its store describes it
 * @param output      where its colorization went; null unless {@link Status#WRITTEN}
 * @param status      how it ended
 * @param error       the one-line reason of a failure or cancel; null otherwise
 * @param warnings    what the user should know about the colorization
 * @param readSeconds decoding
 * @param colorizeSeconds the colorizer's whole call
 * @param writeSeconds encoding and putting in place
 * @param times       the colorizer's stage times; null when it did not finish
 * @param provenance  model, version and parameters of the colorization; null when it did not finish
 */
public record ImageOutcome(String input, String output, Status status, String error, List<String> warnings,
        double readSeconds, double colorizeSeconds, double writeSeconds, StageTimes times, Provenance provenance) {

    /** How an input ended. */
    public enum Status {
        /** colorized and written */
        WRITTEN,
        /** unreadable, not colorizable or not writable: {@link #error()} says why */
        FAILED,
        /** stopped by a cancel while it was being colorized; nothing of it was written */
        CANCELED,
        /** not begun because the batch was canceled before */
        NOT_STARTED
    }

    public ImageOutcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean written() {
        return status == Status.WRITTEN;
    }
}
