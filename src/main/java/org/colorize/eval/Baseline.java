package org.colorize.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reference method scored on the same truth images as the predictions: {@link #GRAY} (the
 * truth's own lightness with zero chroma, i.e. what "no colorization" scores) or a model, named
 * or given as a folder, that colorizes the gray (L) version of each truth image.
 *
 * @param model null for the gray baseline, else the model's name or folder as the user gave it
 */
public record Baseline(String model) {
    /** Text that names the gray baseline (case-insensitive). */
    public static final String GRAY_NAME = "gray";
    /** The gray baseline: a = b = 0 with the truth's L. */
    public static final Baseline GRAY = new Baseline(null);

    public Baseline {
        if (model != null && model.isBlank()) throw new IllegalArgumentException("baseline model name is empty");
        if (model != null) model = model.trim();
    }

    public boolean isGray() {
        return model == null;
    }

    /** A model baseline. */
    public static Baseline model(String nameOrPath) {
        return new Baseline(nameOrPath);
    }

    /**
     * {@code gray} (any case) is the gray baseline; anything else names a model (a name in the
     * model folders or a path to a model folder).
     *
     * @throws IllegalArgumentException if the text is blank
     */
    public static Baseline parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("baseline is empty: give gray or a model name");
        String t = text.trim();
        return t.toLowerCase(Locale.ROOT).equals(GRAY_NAME) ? GRAY : model(t);
    }

    /**
     * A comma-separated list ({@code gray,my-model,/path/to/model}); blank or {@code none} is the
     * empty list. Repeated entries are kept once.
     *
     * @throws IllegalArgumentException if an entry is blank ({@code gray,,x})
     */
    public static List<Baseline> parseList(String text) {
        List<Baseline> out = new ArrayList<>();
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) return out;
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("baseline list '" + text + "' has an empty entry; separate gray and model names by single commas");
            }
            Baseline b = parse(part);
            if (!out.contains(b)) out.add(b);
        }
        return out;
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString() {
        return isGray() ? GRAY_NAME : model;
    }
}
