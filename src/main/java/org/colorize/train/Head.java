package org.colorize.train;

import java.util.Locale;
import java.util.function.DoubleFunction;

/** What the full-image network predicts and how it is trained: the value of {@code --head}, naming a recipe. */
public enum Head {
    /** {@link RegressionRecipe}: ab, smooth-L1. */
    REGRESSION(RegressionRecipe::new),
    /** {@link ClassesRecipe}: logits over Zhang's ab bins, rebalanced cross entropy, annealed-mean decoding. */
    CLASSES(ClassesRecipe::new);

    private final DoubleFunction<TrainingRecipe> recipe;

    Head(DoubleFunction<TrainingRecipe> recipe) {
        this.recipe = recipe;
    }

    /** The recipe that trains the full-image network of {@code width} with this head. */
    public TrainingRecipe recipe(double width) {
        return recipe.apply(width);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Head parse(String key) {
        for (Head h : values()) {
            if (h.key().equalsIgnoreCase(key.trim())) return h;
        }
        throw new IllegalArgumentException("head must be regression or classes, was '" + key + "'");
    }
}
