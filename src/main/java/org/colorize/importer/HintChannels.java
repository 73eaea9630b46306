package org.colorize.importer;

import java.util.List;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.Spatial;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The 4 input channels of the SIGGRAPH17 generator: L, the ab hint (ab/110) and the hint mask.
 * Zhang's release feeds the mask as 0/1; InstColorization subtracts its {@code mask_cent} 0.5, so
 * its "no hint" value is −0.5 (and a hinted pixel 0.5). The network normalizes L itself
 * ({@link Siggraph17Net}), so L stays in 0…100 here.
 */
final class HintChannels {
    private HintChannels() {
    }

    /** [L, 0, 0, maskOffset]: the input without hints, as the published inference code feeds it. */
    static Operand<TFloat32> none(Ops tf, Operand<TFloat32> l, double maskOffset) {
        Operand<TFloat32> zeros = tf.zerosLike(l);
        Operand<TFloat32> mask = tf.math.add(zeros, tf.constant((float) maskOffset));
        return Spatial.concat(tf, List.of(l, zeros, zeros, mask));
    }

    /**
     * [L, a/110, b/110, mask + maskOffset] from {@code hints} = [N, H, W, 3] holding a and b in ab
     * units and a 0/1 mask.
     */
    static Operand<TFloat32> of(Ops tf, Operand<TFloat32> l, Operand<TFloat32> hints, double maskOffset) {
        Operand<TFloat32> ab = tf.math.div(tf.slice(hints, tf.constant(new int[] {0, 0, 0, 0}), tf.constant(new int[] {-1, -1, -1, 2})),
                tf.constant((float) Siggraph17Net.AB_SCALE));
        Operand<TFloat32> mask = tf.math.add(tf.slice(hints, tf.constant(new int[] {0, 0, 0, 2}), tf.constant(new int[] {-1, -1, -1, 1})),
                tf.constant((float) maskOffset));
        return Spatial.concat(tf, List.of(l, ab, mask));
    }
}
