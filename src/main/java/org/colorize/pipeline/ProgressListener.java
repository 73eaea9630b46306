package org.colorize.pipeline;

/** Progress of long work, for a status bar or a terminal. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, fraction) -> { };

    /**
     * @param stage    what is being done, in a few words
     * @param fraction overall progress in [0, 1]
     */
    void progress(String stage, double fraction);
}
