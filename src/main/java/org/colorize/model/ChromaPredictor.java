package org.colorize.model;

import java.util.List;
import org.colorize.ColorizeException;

/**
 * The network stage of colorization: planes of L at the network size in, one ab field per plane
 * out (in Lab units, decoded from whatever the network's head produces). The TensorFlow model
 * implements it; pipeline tests use a pure-Java one.
 */
public interface ChromaPredictor {
    /** What the model is, for checks and provenance. */
    ModelCard card();

    /** Where it runs, e.g. {@code cpu()}, for provenance. */
    String device();

    /** The inference library and build that runs it, for provenance. */
    default String natives() {
        return "none (pure Java)";
    }

    /** Where the model's card was read from, for provenance. */
    String origin();

    /** Most planes per network call (a larger batch is split). */
    default int maxBatch() {
        return 4;
    }

    /**
     * @param temperature annealed-mean temperature for distribution heads (ignored by others)
     * @return one field per plane, in order
     */
    List<AbField> predict(LightnessBatch batch, double temperature) throws ColorizeException;

    /**
     * As {@link #predict(LightnessBatch, double)}, distributions shrunk toward neutral where they
     * are flat, by {@code vividness} in [0, 1] (1: not shrunk; NaN: the card's). A predictor without
     * distributions ignores it.
     */
    default List<AbField> predict(LightnessBatch batch, double temperature, double vividness) throws ColorizeException {
        return predict(batch, temperature);
    }
}
