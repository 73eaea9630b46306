package org.colorize.train;

import java.util.List;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The model variable names and parameter count of a SIGGRAPH17 net of a config. */
final class FullNetStageNames {
    private FullNetStageNames() {}

    static List<String> of(Siggraph17Config cfg) {
        return List.copyOf(shapes(cfg).keySet());
    }

    /** The shape of each model variable. */
    static java.util.Map<String, Shape> shapes(Siggraph17Config cfg) {
        try (Graph g = new Graph()) {
            java.util.Map<String, Shape> out = new java.util.LinkedHashMap<>();
            build(g, cfg).variables(ParameterStore.MODEL).forEach((k, v) -> out.put(k, v.shape()));
            return out;
        }
    }

    static long parameters(Siggraph17Config cfg) {
        try (Graph g = new Graph()) {
            return build(g, cfg).parameterCount();
        }
    }

    private static ParameterStore<TFloat32> build(Graph g, Siggraph17Config cfg) {
        TfNatives.load();
        ParameterStore<TFloat32> p = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
        Siggraph17Net.build(p, p.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1))), cfg);
        return p;
    }
}
