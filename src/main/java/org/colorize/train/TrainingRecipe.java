package org.colorize.train;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.colorize.color.AbGamut;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.Adam;
import org.colorize.nn.ParameterStore;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One stage of training, everything the {@link Trainer}'s loop does not know by itself: what the
 * stage builds (its network through a {@link ParameterStore}, and its named losses), which
 * variables it trains (one {@link Objective} per optimizer, each an {@link Adam.Scope}), what its
 * batches carry ({@link BatchTargets}), how its output is decoded for validation (the encoding and
 * temperature its card gets) and what it exports.
 *
 * <p>Today's recipes are the two heads of the full-image network ({@link RegressionRecipe},
 * {@link ClassesRecipe}), one objective each over every parameter. The same interface holds what
 * comes next: a GAN stage lists two objectives (generator and discriminator, disjoint scopes, run
 * one after the other each step); instance-aware training is three stages on one store, the last
 * building the full and the instance networks through an inference view (frozen) and training
 * only the fusion scope.
 */
public interface TrainingRecipe {

    /**
     * An optimizer of the stage: it minimizes the loss named {@code loss} over the variables of
     * {@code scope}.
     */
    record Objective(String loss, Adam.Scope scope) {
    }

    /**
     * What one build of the stage gives.
     *
     * @param losses every name of {@link #lossNames()} → its scalar
     * @param output the network's raw output as exported (ab, or bin logits at a coarser grid)
     */
    record Parts(Map<String, Operand<TFloat32>> losses, Operand<TFloat32> output) {
        public Parts {
            losses = Map.copyOf(losses);
        }
    }

    /** The value of {@code --head} (or a later recipe option) that names this recipe. */
    String key();

    /** One line for the log: the network and what it is trained on. */
    String describe();

    /** The loss names it reports, {@link LossValues#TOTAL} first. */
    List<String> lossNames();

    /** The optimizers of one training step, in the order they run. */
    default List<Objective> objectives() {
        return List.of(new Objective(LossValues.TOTAL, Adam.Scope.ALL));
    }

    /**
     * The targets its batches need, restored from a checkpoint's {@code state} when it holds them
     * (so a resumed run uses the same weights), else computed from {@code data}.
     */
    BatchTargets targets(TrainingData data, JsonObject state, Consumer<String> log);

    /**
     * Builds the stage's network through {@code store} (the training store, or an inference view of
     * it for validation) on {@code in}, with its losses under {@code lossOps}.
     */
    Parts build(ParameterStore<TFloat32> store, TrainingInputs in, Ops lossOps);

    /**
     * The extra inputs of each crop when the stage reads any (detector features), computed once per
     * run over {@code data}; null when the network reads L only.
     */
    default CropFeatures cropFeatures(TrainingData data, Consumer<String> log, java.util.function.BooleanSupplier cancel)
            throws org.colorize.TrainException {
        return null;
    }

    /** What the exported output holds: how the product (and validation) decode it. */
    OutputEncoding outputEncoding();

    /** The ab bins of a distribution output (null when the output is ab). */
    AbGamut outputBins();

    /** The annealed-mean temperature its card gives distribution outputs (NaN when the output is ab). */
    double temperature();

    /** Writes the inference SavedModel of the stage with the weights of {@code trained} to {@code dir}. */
    void export(Path dir, Session trained);

    /** The names of the variables an exported model holds (how a run resumes from its exported model). */
    List<String> modelVariableNames();
}
