package org.colorize.importer;

import java.util.List;
import org.colorize.nn.ParameterStore;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A published network as this project builds it: the layers and their checkpoint keys, and the
 * serving graph (input {@code l}: L in 0…100, outputs {@code ab} and, where the network has a
 * distribution head, {@code ab_logits}).
 */
interface NetworkSpec {
    /** A built serving graph: its signature, input and ab output. */
    record Serving(Signature signature, Placeholder<TFloat32> l, Operand<TFloat32> ab) {}

    /** Every layer with weights, in network order. */
    List<LayerMap> layers();

    /** Builds the serving graph on {@code store}. */
    Serving serving(ParameterStore<TFloat32> store);

    /** Channel width multiplier (1.0 = published). */
    double width();

    /** The number of classes of the distribution head, 0 for none. */
    int classes();

    /**
     * The named ab bin set ({@link org.colorize.color.AbGamut#named}) the distribution head's
     * classes are, or null when they are none we know (the head is then left out of the card);
     * says why in {@code notes}.
     */
    String bins(StateDict sd, List<String> notes) throws CheckpointException;
}
