package org.colorize.train;

import java.util.List;
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

    /** What {@link #build} made. */
    record Built(Operand<TFloat32> loss, Feeder feeder) {}

    /** Feeds one step; returns the tensors it made, closed by the runner after the step. */
    @FunctionalInterface
    interface Feeder {
        List<Tensor> feed(Session.Runner runner, Random random);
    }
}
