package org.colorize.train;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.TrainException;
import org.colorize.model.ModelCard;
import org.colorize.nn.DiverseGanNet;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Tensors;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Continues a GAN run whose checkpoint is gone from the model it exported: the generator's
 * weights and the step count come from the exported folder and its card; the critic and Adam
 * start over (the export holds neither), so the first steps re-train the critic against a
 * generator that is already good.
 *
 * @param weights the generator's variables by name (owned by the caller)
 * @param step    the step the exported model had reached
 */
record GanWarmStart(Map<String, Tensor> weights, long step) {

    /**
     * The warm start from {@code model}, or null when it holds no exported model.
     *
     * @param prior the model the run refines (null: none); the export must refine the same one
     * @throws TrainException if the folder holds another kind of model or a generator of another shape
     */
    static GanWarmStart read(Path model, DiverseGanNet.Config cfg, String prior) throws TrainException {
        if (!Files.isRegularFile(model.resolve("model.json"))) return null;
        ModelCard card;
        try {
            card = ModelCard.read(model);
        } catch (ColorizeException e) {
            throw new TrainException("Cannot continue from the model in " + model + ": " + e.getMessage(), e);
        }
        JsonObject json = card.json();
        if (!DiverseTraining.GAN_KIND.equals(card.kind())) {
            throw new TrainException("The model in " + model + " is a " + card.kind() + " model, not a " + DiverseTraining.GAN_KIND
                    + " one; give another --out.");
        }
        String exportedPrior = json.has("prior") ? json.getAsJsonObject("prior").get("model").getAsString() : null;
        if (!java.util.Objects.equals(prior, exportedPrior)) {
            throw new TrainException("The model in " + model + " refines " + (exportedPrior == null ? "no prior" : exportedPrior)
                    + ", this run " + (prior == null ? "none" : prior) + "; give another --out.");
        }
        List<String> names = generatorVariables(cfg);
        Map<String, TrainingGraph.Variable> read = ModelExporter.readWeights(model, names);
        if (read.size() != names.size()) {
            throw new TrainException("The model in " + model + " lacks " + (names.size() - read.size())
                    + " of the generator's variables; it cannot be continued.");
        }
        Map<String, Tensor> weights = new LinkedHashMap<>();
        read.forEach((k, v) -> weights.put(k, Tensors.of(Shape.of(v.shape()), v.values())));
        return new GanWarmStart(weights, json.getAsJsonObject("training").get("steps").getAsLong());
    }

    /** The generator's variables (weights and batch statistics) as the exported graph names them. */
    static List<String> generatorVariables(DiverseGanNet.Config cfg) {
        TfNatives.load();
        try (Graph g = new Graph()) {
            ParameterStore<TFloat32> p = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            Placeholder<TFloat32> l = p.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            Placeholder<TFloat32> z = p.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1, 1, cfg.noise())));
            Placeholder<TFloat32> prior = cfg.prior()
                    ? p.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2))) : null;
            DiverseGanNet.generator(p, l, z, prior, cfg);
            return List.copyOf(p.variables(ParameterStore.MODEL).keySet());
        }
    }
}
