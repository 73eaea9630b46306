package org.colorize.train;

import java.nio.file.Path;

/** What a front end hears from a running {@link Trainer}. Calls come from the training thread. */
public interface TrainingListener {

    /** One step's progress. */
    record Progress(long step, long total, double loss, double lossEma, double learningRate, double imagesPerSecond,
            double etaSeconds) {
    }

    /** A line for the log (data summary, warnings, checkpoints, export). */
    default void message(String line) {
    }

    /** After each optimizer step. */
    default void step(Progress p) {
    }

    /** After each validation. */
    default void validated(Validation v) {
    }

    /** After a checkpoint was written. */
    default void checkpointed(long step, Path snapshot) {
    }

    /** After the model was exported. */
    default void exported(Path model) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
