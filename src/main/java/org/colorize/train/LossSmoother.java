package org.colorize.train;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving averages of the named losses: the mean of everything so far for the first 50
 * steps, then a 2 % EMA. Its state lives in the checkpoint, so a resumed run reports the same curve.
 */
final class LossSmoother {
    static final double MIN_ALPHA = 0.02;
    static final String EMA = "loss_ema";
    static final String COUNT = "loss_ema_count";
    static final String NAMED = "loss_ema_named";

    private final Map<String, Double> ema = new LinkedHashMap<>();
    private long count;

    /** Continues from a checkpoint's state (null: a fresh start). Checkpoints from before named losses hold the total only. */
    static LossSmoother restore(JsonObject state) {
        LossSmoother s = new LossSmoother();
        if (state == null) return s;
        if (state.has(COUNT)) s.count = state.get(COUNT).getAsLong();
        if (state.has(NAMED)) {
            state.getAsJsonObject(NAMED).entrySet().forEach(e -> s.ema.put(e.getKey(), e.getValue().getAsDouble()));
        } else if (state.has(EMA)) {
            s.ema.put(LossValues.TOTAL, state.get(EMA).getAsDouble());
        }
        return s;
    }

    /** Adds one step's losses; returns the smoothed values. */
    LossValues add(LossValues step) {
        count++;
        double alpha = Math.max(MIN_ALPHA, 1.0 / count);
        Map<String, Double> out = new LinkedHashMap<>();
        step.values().forEach((name, v) -> {
            Double old = ema.get(name);
            double next = old == null || Double.isNaN(old) ? v : (1 - alpha) * old + alpha * v;
            ema.put(name, next);
            out.put(name, next);
        });
        return new LossValues(out);
    }

    /** Writes the state into a checkpoint's state object. */
    void save(JsonObject state) {
        state.addProperty(EMA, ema.getOrDefault(LossValues.TOTAL, Double.NaN));
        state.addProperty(COUNT, count);
        JsonObject named = new JsonObject();
        ema.forEach(named::addProperty);
        state.add(NAMED, named);
    }
}
