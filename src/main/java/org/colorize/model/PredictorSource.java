package org.colorize.model;

import org.colorize.ColorizeException;
import org.colorize.runtime.DeviceChoice;

/** Where a colorizer gets its network from: the model registry, or a fixed predictor in tests. */
@FunctionalInterface
public interface PredictorSource {
    /** @param model name or folder; blank for the default */
    ChromaPredictor predictor(String model, DeviceChoice device) throws ColorizeException;
}
