package org.colorize.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The losses of one step or one validation, by the names their recipe gives them
 * ({@link TrainingRecipe#lossNames()}), in the recipe's order; {@value #TOTAL} is always present and
 * is what the optimizer of a one-objective recipe minimizes.
 */
public record LossValues(Map<String, Double> values) {
    /** The name of the sum every recipe reports. */
    public static final String TOTAL = "total";

    public LossValues {
        if (!values.containsKey(TOTAL)) throw new IllegalArgumentException("no " + TOTAL + " loss in " + values.keySet());
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Values for {@code names}, in that order. */
    public static LossValues of(List<String> names, double[] v) {
        if (names.size() != v.length) throw new IllegalArgumentException(names.size() + " names for " + v.length + " values");
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) m.put(names.get(i), v[i]);
        return new LossValues(m);
    }

    public double total() {
        return values.get(TOTAL);
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no loss named " + name + " (have " + values.keySet() + ")");
        return v;
    }

    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Whether every value is a finite number. */
    public boolean finite() {
        return values.values().stream().allMatch(Double::isFinite);
    }

    /** e.g. {@code total 0.1234, smooth_l1 0.1234}. */
    public String describe() {
        StringJoiner j = new StringJoiner(", ");
        values.forEach((k, v) -> j.add(String.format(Locale.ROOT, "%s %.4g", k, v)));
        return j.toString();
    }
}
