package org.colorize.train;

/**
 * Times the steps of one session: the throughput and the time left. The session's first step
 * includes graph optimization and is left out of the rate.
 */
final class StepClock {
    private final int batch;
    private long steps;
    private double stepSeconds = Double.NaN;
    private double last;

    StepClock(int batch) {
        this.batch = batch;
    }

    /** Records a step of {@code seconds}. */
    void add(double seconds) {
        steps++;
        last = seconds;
        if (steps == 2) stepSeconds = seconds;
        else if (steps > 2) stepSeconds = 0.9 * stepSeconds + 0.1 * seconds;
    }

    /** Images per second. */
    double rate() {
        return batch / typicalStep();
    }

    /** Seconds for {@code remaining} more steps. */
    double eta(long remaining) {
        return remaining * typicalStep();
    }

    private double typicalStep() {
        return Double.isNaN(stepSeconds) ? last : stepSeconds;
    }
}
