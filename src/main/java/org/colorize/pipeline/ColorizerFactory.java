package org.colorize.pipeline;

import org.colorize.model.PredictorSource;

/** Makes the colorizer of one model kind; {@link Colorizers} finds it by the card's {@code kind}. */
public interface ColorizerFactory {
    /** The card {@code kind} it handles, e.g. {@code full-image}. */
    String kind();

    /** @param models where the colorizer loads its networks from */
    Colorizer create(PredictorSource models);
}
