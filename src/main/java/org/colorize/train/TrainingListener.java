package org.colorize.train;

import java.nio.file.Path;

/** What a front end hears from a running {@link Trainer}. Calls come from the training thread. */
public interface TrainingListener {

    /**
     * One step's progress.
     *
     * @param losses   the step's losses, named by the recipe
     * @param smoothed their moving averages
     */
    record Progress(long step, long total, LossValues losses, LossValues smoothed, double learningRate,
            double imagesPerSecond, double etaSeconds) {
        /** The step's total loss. */
        public double loss() {
            return losses.total();
        }

        /** The moving average of the total loss. */
        public double lossEma() {
            return smoothed.total();
        }
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
