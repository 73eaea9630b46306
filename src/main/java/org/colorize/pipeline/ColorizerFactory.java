package org.colorize.pipeline;

import java.util.function.Function;
import org.colorize.model.PredictorSource;

/** Makes the colorizer of one model kind; {@link Colorizers} finds it by the card's {@code kind}. */
public interface ColorizerFactory {
    /** The card {@code kind} it handles, e.g. {@code full-image}. */
    String kind();

    /** @param models where the colorizer loads its networks from */
    Colorizer create(PredictorSource models);

    /** The factory of {@code kind}'s colorizers, made by {@code create}. */
    static ColorizerFactory of(String kind, Function<PredictorSource, Colorizer> create) {
        return new ColorizerFactory() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Colorizer create(PredictorSource models) {
                return create.apply(models);
            }
        };
    }
}
