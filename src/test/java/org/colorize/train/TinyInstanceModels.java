package org.colorize.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A tiny instance-aware model (width 1/16, input 32², crops 16², seeded random weights) exported
 * with the product's own exporter and card writer, for the pipeline and front-end tests. Built once per JVM.
 */
public final class TinyInstanceModels {
    public static final String NAME = "tiny-instances";
    public static final int SIZE = 32;
    public static final int CROP = 16;
    private static Path root;

    private TinyInstanceModels() {}

    /** The models root holding {@value #NAME}. */
    public static synchronized Path root() {
        if (root != null) return root;
        try {
            Path r = org.colorize.testing.SharedTempRoot.create("colorize-tiny-instances");
            Siggraph17Config cfg = Siggraph17Config.regression(1.0 / 16, 1);
            Map<String, Tensor> weights = randomWeights(cfg);
            try {
                Path dir = r.resolve(NAME);
                InstanceAwareExport.export(dir, weights, cfg, org.colorize.nn.FusionConfig.COLORIZE, SIZE, CROP);
                JsonObject data = new JsonObject();
                data.addProperty("description", "none: seeded random weights for tests");
                InstanceAwareTraining.writeCard(dir, cfg, org.colorize.nn.FusionConfig.COLORIZE, SIZE, CROP, List.of(), weights, data, new JsonObject());
            } finally {
                weights.values().forEach(Tensor::close);
            }
            root = r;
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path model() {
        return root().resolve(NAME);
    }

    private static Map<String, Tensor> randomWeights(Siggraph17Config cfg) {
        TfNatives.load();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 7);
            var l = store.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, SIZE, SIZE, 1)));
            InstanceAwareNet.build(store, l, InstanceAwareNet.placeholders(store.tf(), TFloat32.class, SIZE, CROP), cfg);
            s.initialize();
            return store.read(s, ParameterStore.MODEL);
        }
    }
}
