package org.colorize.model;

import java.util.Map;
import java.util.Optional;

/**
 * Card kinds of models that are not colorization models: parts other code uses (the detector of
 * instance-aware colorization), which no colorizer serves, with what to call one in a message.
 * Every other kind is a colorization model's ({@value ModelCard#FULL_IMAGE} now); whether this
 * Colorize has a colorizer for it is the pipeline's colorizer factories' to say.
 */
public final class ModelKinds {
    /** A converted object detector ({@code detect/}). */
    public static final String DETECTOR = "detector";

    private static final Map<String, String> NOT_COLORIZATION = Map.of(DETECTOR, "a detector");

    private ModelKinds() {
    }

    /** Whether a model of {@code kind} colorizes (or would, with a colorizer for the kind). */
    public static boolean isColorization(String kind) {
        return !NOT_COLORIZATION.containsKey(kind);
    }

    /** "Model coco-centernet is a detector (kind 'detector'), not a colorization model", for a kind that is not colorization. */
    public static String notColorization(String model, String kind) {
        return "Model " + model + " is " + describe(kind).orElse("a model") + " (kind '" + kind
                + "'), not a colorization model";
    }

    /** "a detector" for a kind that is not colorization; empty for the others. */
    public static Optional<String> describe(String kind) {
        return Optional.ofNullable(NOT_COLORIZATION.get(kind));
    }
}
