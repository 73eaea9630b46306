package org.colorize.model;

import org.colorize.color.AbGamut;
import org.colorize.color.AnnealedMean;

/**
 * The one set of values a model card may leave out. The reader fills them in, the builder starts
 * from them; nothing else in the project spells them.
 */
public final class CardDefaults {
    /** Card kind, and the role of the network every kind has (the full-image colorizer). */
    public static final String KIND = ModelCard.FULL_IMAGE;
    public static final String VERSION = "unversioned";
    public static final String ARCHITECTURE = "unknown";
    public static final String LICENSE = "unknown";
    /** A component's SavedModel: the model folder itself. */
    public static final String SAVED_MODEL = ".";
    public static final int INPUT_SIZE = 256;
    public static final InputEncoding INPUT_ENCODING = InputEncoding.L_CENTERED;
    public static final OutputEncoding OUTPUT_ENCODING = OutputEncoding.AB;
    /** Annealed-mean temperature of distribution outputs. */
    public static final double TEMPERATURE = AnnealedMean.ZHANG_TEMPERATURE;
    /** The ab bins of distribution outputs. */
    public static final String BINS = AbGamut.ZHANG_313;
    /** Tensor names of schema-1 cards, which could leave them out. */
    public static final String INPUT_NAME = "l";
    public static final String OUTPUT_NAME = "ab";

    private CardDefaults() {
    }
}
