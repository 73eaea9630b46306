package org.colorize.train;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.colorize.nn.Adam;
import org.colorize.nn.ParameterStore;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * One stage of a multi-stage training run ({@link StageRunner}): the graph it builds on the run's
 * weights, the variables its optimizer trains ({@link Adam.Scope}) and what each step is fed.
 * InstColorization's stages: the full-image net ({@link FullNetStage} on whole pictures), the
 * instance net on crops ({@link FullNetStage} on crops, under {@code instance/}), then the fusion
 * with both nets frozen ({@link FusionStage}: inference mode, only {@code fusion/} trains).
 */
interface StageRecipe {
    /** Short name, e.g. {@code instance}. */
    String name();

    /** One line for the log and the card. */
    String describe();

    /** How the stage's networks are built: TRAIN (batch statistics) or INFERENCE (frozen, moving statistics). */
    ParameterStore.Mode mode();

    /** The variables the stage trains. */
    Adam.Scope scope();

    /** The stage's graph on {@code store}: its loss and how a step is fed. */
    Built build(ParameterStore<TFloat32> store);

    /**
     * What {@link #build} made.
     *
     * @param loss       the loss of the stage's one optimizer (over {@link #scope()}), or the first
     *                   objective's when there are several
     * @param feeder     how a step is fed
     * @param objectives empty for one optimizer over {@link #scope()}; else the optimizers of an
     *                   alternating step, run one after the other on the same batch each step (a GAN's
     *                   discriminator then generator; a VAE and its mixture density network)
     * @param reported   named scalars logged and recorded per step (the objectives' losses and their
     *                   terms); empty: {@code loss} as "loss"
     * @param validation null, or held-out pictures {@code loss} is scored on while the stage trains
     */
    record Built(Operand<TFloat32> loss, Feeder feeder, List<Objective> objectives, Map<String, Operand<TFloat32>> reported,
            Validation validation) {
        public Built {
            objectives = List.copyOf(objectives);
            reported = reported.isEmpty() ? Map.of("loss", loss) : new java.util.LinkedHashMap<>(reported);
            if (validation != null && !objectives.isEmpty()) throw new IllegalArgumentException("validation is for one-optimizer stages");
        }

        public Built(Operand<TFloat32> loss, Feeder feeder, List<Objective> objectives, Map<String, Operand<TFloat32>> reported) {
            this(loss, feeder, objectives, reported, null);
        }

        public Built(Operand<TFloat32> loss, Feeder feeder) {
            this(loss, feeder, List.of(), Map.of(), null);
        }
    }

    /**
     * Held-out pictures: every {@code every} steps (and before the first) the runner scores
     * {@code loss} on each of the {@code count} feeds, and keeps the weights of the best mean
     * (early stopping), so a stage that starts to fit its training pictures ends where it
     * generalized best.
     *
     * @param feeder   feeds held-out picture (or batch) i, 0 ≤ i &lt; count
     * @param loss     the held-out loss: the stage's loss built in inference mode (moving
     *                 statistics; through a {@linkplain ParameterStore#view view} when the stage
     *                 trains in training mode)
     * @param baseline null, or the loss of a model without this stage on the same feed (e.g. the
     *                 full-image net alone, through a view of its variables), scored once: what the
     *                 stage must beat
     */
    record Validation(int count, int every, PictureFeeder feeder, Operand<TFloat32> loss, Operand<TFloat32> baseline) {
        public Validation {
            if (count < 1) throw new IllegalArgumentException("validation needs a picture");
            if (every < 1) throw new IllegalArgumentException("validation every " + every + " steps");
            java.util.Objects.requireNonNull(loss, "loss");
        }
    }

    /** Feeds held-out picture {@code i}; returns the tensors it made, closed by the runner. */
    @FunctionalInterface
    interface PictureFeeder {
        List<Tensor> feed(Session.Runner runner, int i);
    }

    /** One optimizer of an alternating step: it minimizes {@code loss} over the variables of {@code scope}. */
    record Objective(String name, Operand<TFloat32> loss, Adam.Scope scope) {}

    /** Feeds one step; returns the tensors it made, closed by the runner after the step. */
    @FunctionalInterface
    interface Feeder {
        List<Tensor> feed(Session.Runner runner, Random random);
    }
}
