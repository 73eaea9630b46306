package org.colorize.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/** Parameter-free spatial ops on NHWC tensors: padding, subsampling, resizing, concatenation. */
public final class Spatial {
    private Spatial() {}

    /** {@code p} zeros on each side of H and W. */
    public static <T extends TFloating> Operand<T> pad(Ops tf, Operand<T> x, int p) {
        if (p == 0) {
            return x;
        }
        int[][] paddings = {{0, 0}, {p, p}, {p, p}, {0, 0}};
        return tf.pad(x, tf.constant(paddings), tf.constant(x.type(), 0));
    }

    /** Every 2nd pixel from the first, {@code x[:, ::2, ::2, :]}: SIGGRAPH17's downsampling. */
    public static <T extends TFloating> Operand<T> subsample2(Ops tf, Operand<T> x) {
        return tf.stridedSlice(x, Indices.all(), Indices.sliceFrom(0, 2), Indices.sliceFrom(0, 2), Indices.all());
    }

    /**
     * Bilinear resize to {@code size} = [newH, newW] with half-pixel centers, which matches
     * PyTorch's {@code interpolate(mode='bilinear', align_corners=False)}. TF's ResizeBilinear always
     * computes in float32, so a float64 input loses precision here.
     */
    public static <T extends TFloating> Operand<T> resizeBilinear(Ops tf, Operand<T> x, Operand<TInt32> size) {
        Operand<TFloat32> y = tf.image.resizeBilinear(x, size, ResizeBilinear.halfPixelCenters(true));
        return castBack(tf, y, x);
    }

    @SuppressWarnings("unchecked")
    private static <T extends TFloating> Operand<T> castBack(Ops tf, Operand<TFloat32> y, Operand<T> like) {
        return like.type() == TFloat32.class ? (Operand<T>) y : tf.dtypes.cast(y, like.type());
    }

    /**
     * A per-image vector {@code v} [N, 1, 1, C] repeated over the H × W grid of {@code like}
     * [N, H, W, *]: [N, H, W, C] with the static channel count C (how noise and latent codes meet
     * feature maps).
     */
    public static <T extends TFloating> Operand<T> tileOver(Ops tf, Operand<T> v, Operand<?> like) {
        Operand<TInt32> shape = tf.shape(like);
        Operand<TInt32> multiples = tf.concat(List.of(tf.constant(new int[] {1}),
                tf.slice(shape, tf.constant(new int[] {1}), tf.constant(new int[] {2})), tf.constant(new int[] {1})),
                tf.constant(0));
        return tf.tile(v, multiples);
    }

    /** Concatenation along channels. */
    public static <T extends TFloating> Operand<T> concat(Ops tf, List<Operand<T>> parts) {
        return tf.concat(parts, tf.constant(3));
    }
}
