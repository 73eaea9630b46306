package org.colorize.nn;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Reads a feature map of the SIGGRAPH17 network at one of its {@link FusionPoint}s and returns
 * what the network continues with (every later consumer, shortcuts included, sees the returned
 * tensor). Instance-aware fusion plugs in here; it may create its own variables in {@code store}
 * (e.g. under {@code fusion/conv1_2/...}).
 */
@FunctionalInterface
public interface FusionHook<T extends TFloating> {

    /** @return the features to continue with; must keep the shape of {@code features} */
    Operand<T> fuse(FusionPoint point, Operand<T> features, ParameterStore<T> store);

    /** The plain network: features pass unchanged. */
    static <T extends TFloating> FusionHook<T> identity() {
        return (point, features, store) -> features;
    }
}
