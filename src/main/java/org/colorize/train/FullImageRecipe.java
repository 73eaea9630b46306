package org.colorize.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The full-image SIGGRAPH17 U-Net on L, trained as one stage over all its parameters; the head
 * (what it predicts, its losses, its output) is the subclass's.
 */
abstract class FullImageRecipe implements TrainingRecipe {
    private final double width;
    private final Siggraph17Config config;

    FullImageRecipe(double width, Siggraph17Config config) {
        this.width = width;
        this.config = config;
    }

    double width() {
        return width;
    }

    /** The network's configuration (one input channel: L). */
    Siggraph17Config config() {
        return config;
    }

    /** Its named losses on the network's training (or inference) outputs. */
    abstract Map<String, Operand<TFloat32>> losses(Ops tf, Siggraph17Net.Outputs<TFloat32> out, TrainingInputs in);

    /** The output it exports and validation decodes. */
    abstract Operand<TFloat32> output(Siggraph17Net.Outputs<TFloat32> out);

    @Override
    public final Parts build(ParameterStore<TFloat32> store, TrainingInputs in, Ops lossOps) {
        Siggraph17Net.Outputs<TFloat32> out = Siggraph17Net.build(store, in.l(), config);
        return new Parts(losses(lossOps, out, in), output(out));
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "SIGGRAPH17 U-Net, width %s, %s head", TrainOptions.fmt(width), key());
    }

    @Override
    public void export(Path dir, Session trained) {
        SavedModelExport.exportSiggraph17(dir, trained, config);
    }

    @Override
    public List<String> modelVariableNames() {
        TfNatives.load();
        try (Graph g = new Graph()) {
            ParameterStore<TFloat32> p = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            Siggraph17Net.build(p, p.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1))), config);
            return List.copyOf(p.variables(ParameterStore.MODEL).keySet());
        }
    }
}
