package org.colorize.train;

import java.util.Locale;

/** Learning rate as a function of the step: a pure function, so a resumed run follows the same curve. */
public enum LrSchedule {
    /** The base rate throughout. */
    CONSTANT,
    /** Half a cosine from the base rate down to 1% of it at the last step. */
    COSINE,
    /** The base rate, ×0.1 from 2/3 of the steps on, ×0.01 from 8/9 on. */
    STEP;

    /** Final fraction of the base rate for {@link #COSINE}. */
    static final double COSINE_FLOOR = 0.01;

    /** The rate for (0-based) step {@code step} of {@code total}. */
    public double rate(double base, long step, long total) {
        double t = total <= 1 ? 0 : Math.min(1, (double) step / (total - 1));
        return switch (this) {
            case CONSTANT -> base;
            case COSINE -> base * (COSINE_FLOOR + (1 - COSINE_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * t)));
            case STEP -> base * (t >= 8.0 / 9 ? 0.01 : t >= 2.0 / 3 ? 0.1 : 1);
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LrSchedule parse(String key) {
        for (LrSchedule s : values()) {
            if (s.key().equalsIgnoreCase(key.trim())) return s;
        }
        throw new IllegalArgumentException("schedule must be constant, cosine or step, was '" + key + "'");
    }
}
