package org.colorize.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * 2-D convolution on NHWC tensors with PyTorch's padding semantics: {@code padding} zeros on every
 * side, then a VALID convolution. Weight {@code NAME/weight} is [k, k, in, out] (TF's HWIO; a
 * PyTorch [out, in, k, k] weight is its transpose), bias {@code NAME/bias} is [out].
 */
public final class Conv2d {
    private Conv2d() {}

    /**
     * Hyper-parameters of one convolution.
     *
     * @param outChannels output feature maps
     * @param kernel square kernel size
     * @param stride stride in both directions
     * @param padding zeros added on each side before convolving (PyTorch {@code padding})
     * @param dilation kernel dilation; with dilation &gt; 1 the stride must be 1
     * @param bias whether a bias is added
     */
    public record Spec(int outChannels, int kernel, int stride, int padding, int dilation, boolean bias) {
        public Spec {
            if (outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || dilation < 1) {
                throw new IllegalArgumentException("invalid conv spec " + this);
            }
            if (dilation > 1 && stride != 1) {
                throw new IllegalArgumentException("dilated conv supports stride 1 only: " + this);
            }
        }

        /** Stride 1, "same" padding {@code (k-1)/2}, no dilation, with bias. */
        public static Spec of(int outChannels, int kernel) {
            return new Spec(outChannels, kernel, 1, (kernel - 1) / 2, 1, true);
        }

        public Spec withStride(int s) {
            return new Spec(outChannels, kernel, s, padding, dilation, bias);
        }

        public Spec withPadding(int p) {
            return new Spec(outChannels, kernel, stride, p, dilation, bias);
        }

        /** Dilation {@code d} with the padding that keeps the size, {@code d(k-1)/2}. */
        public Spec withDilation(int d) {
            return new Spec(outChannels, kernel, stride, d * (kernel - 1) / 2, d, bias);
        }

        public Spec withoutBias() {
            return new Spec(outChannels, kernel, stride, padding, dilation, false);
        }
    }

    /** A convolution layer named {@code name}; the input's channel count must be static. */
    public static <T extends TFloating> Operand<T> apply(ParameterStore<T> p, String name, Operand<T> x, Spec spec) {
        return apply(p, name, x, spec, Init.heNormal((long) spec.kernel() * spec.kernel() * channels(x, name)), Init.zeros());
    }

    /**
     * A convolution layer whose new variables start at zero weights and the constant bias {@code bias}
     * (a layer that starts as a constant map and still gets gradients).
     */
    static <T extends TFloating> Operand<T> zeroStart(ParameterStore<T> p, String name, Operand<T> x, Spec spec, double bias) {
        return apply(p, name, x, spec, Init.zeros(), Init.constant(bias));
    }

    private static <T extends TFloating> Operand<T> apply(ParameterStore<T> p, String name, Operand<T> x, Spec spec, Init weights,
            Init bias) {
        long in = channels(x, name);
        int k = spec.kernel();
        var w = p.parameter(name + "/weight", Shape.of(k, k, in, spec.outChannels()), weights);
        Ops tf = p.tf(name);
        Operand<T> y = spec.dilation() == 1 ? plain(tf, x, w, spec) : dilated(tf, x, w, spec);
        if (spec.bias()) {
            y = tf.nn.biasAdd(y, p.parameter(name + "/bias", Shape.of(spec.outChannels()), bias));
        }
        long pixels = FlopCounter.pixels(x);
        if (pixels >= 0) {
            long h = outSize(x.shape().size(1), spec);
            long wd = outSize(x.shape().size(2), spec);
            pixels = h * wd;
        }
        p.flops().add(name, pixels, (long) k * k * in * spec.outChannels());
        return y;
    }

    /** Output size along one axis for input size {@code n}, as in PyTorch. */
    public static long outSize(long n, Spec s) {
        return (n + 2L * s.padding() - (long) s.dilation() * (s.kernel() - 1) - 1) / s.stride() + 1;
    }

    static long channels(Operand<?> x, String layer) {
        Shape s = x.shape();
        if (s.numDimensions() != 4 || s.size(3) < 1) {
            throw new IllegalArgumentException(layer + ": input must be NHWC with a static channel count, got " + s);
        }
        return s.size(3);
    }

    private static <T extends TFloating> Operand<T> plain(Ops tf, Operand<T> x, Operand<T> w, Spec s) {
        List<Long> strides = List.of(1L, (long) s.stride(), (long) s.stride(), 1L);
        if (s.stride() == 1 && 2 * s.padding() == s.kernel() - 1) {
            // Stride 1 with odd k: TF's SAME pads (k-1)/2 on both sides, exactly PyTorch's padding,
            // and skips the copy an explicit Pad makes.
            return tf.nn.conv2d(x, w, strides, "SAME");
        }
        return tf.nn.conv2d(Spatial.pad(tf, x, s.padding()), w, strides, "VALID");
    }

    /**
     * Dilated convolution as SpaceToBatchND → VALID conv → BatchToSpaceND (what
     * tf.nn.atrous_conv2d does). TF 2.10's gradient of Conv2D with a dilations attribute is wrong
     * without an error (measured by finite differences, {@code LayerGradientTest}); this form
     * uses only ops whose gradients are right.
     */
    private static <T extends TFloating> Operand<T> dilated(Ops tf, Operand<T> x, Operand<T> w, Spec s) {
        int d = s.dilation();
        int pad = s.padding();
        Operand<TInt32> shape = tf.shape(x);
        Operand<TInt32> hw = tf.slice(shape, tf.constant(new int[] {1}), tf.constant(new int[] {2}));
        Operand<TInt32> padded = tf.math.add(hw, tf.constant(2 * pad));
        // extra zeros at the end so the padded size is a multiple of d; cropped off again below
        Operand<TInt32> extra = tf.math.floorMod(tf.math.sub(tf.constant(d), tf.math.floorMod(padded, tf.constant(d))),
                tf.constant(d));
        Operand<TInt32> before = tf.constant(new int[] {pad, pad});
        Operand<TInt32> paddings = tf.stack(List.of(before, tf.math.add(extra, tf.constant(pad))), Stack.axis(1L));
        Operand<TInt32> crops = tf.stack(List.of(tf.zerosLike(extra), extra), Stack.axis(1L));
        Operand<TInt32> block = tf.constant(new int[] {d, d});
        Operand<T> batched = tf.spaceToBatchNd(x, block, paddings);
        Operand<T> conv = tf.nn.conv2d(batched, w, List.of(1L, 1L, 1L, 1L), "VALID");
        return tf.batchToSpaceNd(conv, block, crops);
    }
}
