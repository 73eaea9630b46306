package org.colorize.nn;

import org.colorize.testing.Slow;

import static org.colorize.nn.GradientChecker.assertOk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Topology, fusion hooks, parameter count and whole-network gradients of the SIGGRAPH17 U-Net. */
@Slow
class Siggraph17NetTest {

    @Test
    void shapesAtEveryFusionPointAndHead() {
        try (var f = TfFixture.training(TFloat32.class)) {
            var cfg = Siggraph17Config.both(0.125, 1, 11);
            var x = f.placeholder("l", Shape.of(2, 32, 24, 1));
            var out = Siggraph17Net.build(f.store, x, cfg);
            assertEquals(Arrays.asList(FusionPoint.values()), new ArrayList<>(out.features().keySet()));
            for (var e : out.features().entrySet()) {
                FusionPoint p = e.getKey();
                assertEquals(Shape.of(2, 32 / p.stride(), 24 / p.stride(), cfg.channels(p.publishedChannels())),
                        e.getValue().shape(), p.layerName());
            }
            assertEquals(Shape.of(2, 32, 24, 2), out.ab().shape());
            assertEquals(Shape.of(2, 8, 6, 11), out.logits().shape());
        }
    }

    @Test
    void runsOnDynamicSizesWithHintChannels() {
        try (var f = TfFixture.training(TFloat32.class)) {
            var cfg = Siggraph17Config.regression(0.0625, 4);
            var x = f.placeholder("l", Shape.of(-1, -1, -1, 4));
            var out = Siggraph17Net.build(f.store, x, cfg);
            assertEquals(Shape.of(3, 3, 4, 4), f.store.entries().get("conv1_1/weight").shape());
            f.session.initialize();
            Shape in = Shape.of(1, 24, 40, 4);
            try (Tensor t = Tensors.of(TFloat32.class, in, f.uniform(in.size(), 0, 100));
                    Result r = f.session.runner().feed(x, t).fetch(out.ab()).run()) {
                assertEquals(Shape.of(1, 24, 40, 2), r.get(0).shape());
                for (double v : Tensors.values(r.get(0))) {
                    assertTrue(Math.abs(v) <= 110 && Double.isFinite(v));
                }
            }
        }
    }

    @Test
    void hookSeesEveryPointInOrderAndItsReplacementIsUsed() {
        try (var f = TfFixture.training(TFloat32.class)) {
            List<FusionPoint> seen = new ArrayList<>();
            FusionHook<TFloat32> hook = (point, features, store) -> {
                seen.add(point);
                if (point == FusionPoint.CONV3_3) {
                    // a hook may own variables
                    var scale = store.parameter("fusion/conv3_3/scale", Shape.of(), Init.ones());
                    return store.tf().math.mul(features, scale);
                }
                return point == FusionPoint.CONV10_2 ? store.tf().zerosLike(features) : features;
            };
            var x = f.placeholder("l", Shape.of(-1, -1, -1, 1));
            var out = Siggraph17Net.build(f.store, x, Siggraph17Config.regression(0.0625, 1), hook);
            assertEquals(Arrays.asList(FusionPoint.values()), seen);
            assertTrue(f.store.parameters().containsKey("fusion/conv3_3/scale"));
            f.session.initialize();
            // out_reg's bias starts at 0, so zeroed conv10_2 features give ab = 110·tanh(0) = 0
            try (Tensor t = Tensors.of(TFloat32.class, Shape.of(1, 16, 16, 1), f.uniform(256, 0, 100));
                    Result r = f.session.runner().feed(x, t).fetch(out.ab()).fetch(out.features().get(FusionPoint.CONV10_2))
                            .run()) {
                assertArrayEquals(new double[512], Tensors.values(r.get(0)), 0);
            }
        }
    }

    /**
     * The published network without hints: every layer of Zhang's SIGGRAPHGenerator with input 1,
     * counted here from its PyTorch definition (conv = k²·in·out + out, BN = 2·C trained).
     */
    @Test
    void parameterCountAtWidthOneMatchesThePublishedLayers() {
        long expected = conv(3, 1, 64) + conv(3, 64, 64) + 2 * 64
                + conv(3, 64, 128) + conv(3, 128, 128) + 2 * 128
                + conv(3, 128, 256) + 2 * conv(3, 256, 256) + 2 * 256
                + conv(3, 256, 512) + 2 * conv(3, 512, 512) + 2 * 512
                + 3 * (3 * conv(3, 512, 512) + 2 * 512)
                + conv(4, 512, 256) + conv(3, 256, 256) + 2 * conv(3, 256, 256) + 2 * 256
                + conv(4, 256, 128) + conv(3, 128, 128) + conv(3, 128, 128) + 2 * 128
                + conv(4, 128, 128) + conv(3, 64, 128) + conv(3, 128, 128)
                + conv(1, 128, 2);
        long withClasses = expected + conv(1, 256, 529);
        assertEquals(expected, NetworkSummary.of(Siggraph17Config.regression(1, 1), 256).parameters());
        NetworkSummary both = NetworkSummary.of(Siggraph17Config.both(1, 1, Siggraph17Config.SIGGRAPH17_CLASSES), 256);
        assertEquals(withClasses, both.parameters());
        System.out.println("SIGGRAPH17 width 1.0: " + both);
        assertTrue(expected > 32_000_000 && expected < 35_000_000, "parameters " + expected);
    }

    private static long conv(int k, int in, int out) {
        return (long) k * k * in * out + out;
    }

    /**
     * Finite differences through the whole (tiny) network in train mode, w.r.t. the input and
     * parameters of every kind of layer: plain, dilated, transposed and shortcut convs, batch norm,
     * both heads; loss = smooth-L1 on ab + weighted cross-entropy on the bins.
     */
    @Test
    void wholeNetworkGradientMatchesFiniteDifferences() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Tiny<TFloat64> net = Tiny.build(f);
            var c = f.checker(net.loss);
            net.feed(c, f);
            c.maxEntries = 6;
            assertOk(c.checkInput(net.x));
            for (String v : Tiny.CHECKED) {
                assertOk(c.checkVariable(v));
            }
        }
    }

    /**
     * float32 kernels (oneDNN-backed ones among them) give the same gradients as the float64
     * kernels the finite-difference tests verify, on the same weights and data.
     */
    @Test
    void float32GradientsAgreeWithFloat64() {
        try (var f64 = TfFixture.training(TFloat64.class); var f32 = TfFixture.training(TFloat32.class)) {
            Tiny<TFloat64> n64 = Tiny.build(f64);
            Tiny<TFloat32> n32 = Tiny.build(f32);
            f64.session.initialize();
            Map<String, Tensor> w64 = f64.store.read(f64.session, ParameterStore.MODEL);
            Map<String, Tensor> w32 = new java.util.LinkedHashMap<>();
            w64.forEach((k, t) -> w32.put(k, Tensors.of(TFloat32.class, t.shape(), Tensors.values(t))));
            f32.store.load(f32.session, w32, true);
            w64.values().forEach(Tensor::close);
            w32.values().forEach(Tensor::close);
            List<String> names = new ArrayList<>(f64.store.parameters().keySet());
            double[][] g64 = n64.gradients(f64, names);
            double[][] g32 = n32.gradients(f32, names);
            for (int i = 0; i < names.size(); i++) {
                double diff = 0;
                double norm = 0;
                for (int j = 0; j < g64[i].length; j++) {
                    diff += (g64[i][j] - g32[i][j]) * (g64[i][j] - g32[i][j]);
                    norm += g64[i][j] * g64[i][j];
                }
                assertTrue(Math.sqrt(diff) <= 1e-3 * Math.sqrt(norm) + 1e-6,
                        names.get(i) + ": |g32 − g64| = " + Math.sqrt(diff) + ", |g64| = " + Math.sqrt(norm));
            }
        }
    }

    /** A width-1/16 network (4…32 channels), both heads, 2 images of 24×32. */
    private static final class Tiny<T extends TFloating> {
        static final List<String> CHECKED = List.of("conv1_1/weight", "conv2_norm/gamma", "conv4_2/bias",
                "conv5_2/weight", "conv6_3/weight", "conv7_norm/beta", "conv8_up/weight", "conv3_short8/weight",
                "conv8_3/weight", "conv9_up/weight", "conv9_norm/gamma", "conv1_short10/weight", "conv10_2/weight",
                "out_reg/weight", "out_class/weight", "out_class/bias");
        static final int Q = 7;
        // 24×32 so the 1/8 maps are 3×4 and the dilated kernels' outer taps reach inside them
        static final Shape IN = Shape.of(2, 24, 32, 1);
        static final Shape AB = Shape.of(2, 24, 32, 2);
        static final Shape DIST = Shape.of(2, 6, 8, Q);
        static final Shape W = Shape.of(2, 6, 8);
        Placeholder<T> x;
        Placeholder<T> ab;
        Placeholder<T> dist;
        Placeholder<T> weights;
        Operand<T> loss;

        static <T extends TFloating> Tiny<T> build(TfFixture<T> f) {
            Tiny<T> t = new Tiny<>();
            t.x = f.placeholder("l", IN);
            t.ab = f.placeholder("ab", AB);
            t.dist = f.placeholder("dist", DIST);
            t.weights = f.placeholder("weights", W);
            var out = Siggraph17Net.build(f.store, t.x, Siggraph17Config.both(1.0 / 16, 1, Q));
            t.loss = f.tf.math.add(Losses.smoothL1(f.tf, out.abNormalized(), t.ab, 0.5),
                    Losses.crossEntropy(f.tf, out.logits(), t.dist, t.weights));
            return t;
        }

        void feed(GradientChecker<T> c, TfFixture<T> f) {
            java.util.Random r = new java.util.Random(7);
            double[] d = new double[(int) DIST.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = r.nextDouble();
            }
            c.feed(x, IN, uniform(r, IN.size(), 0, 100)).feed(ab, AB, uniform(r, AB.size(), -0.6, 0.6))
                    .feed(dist, DIST, d).feed(weights, W, uniform(r, W.size(), 0.5, 2));
        }

        double[][] gradients(TfFixture<T> f, List<String> names) {
            Graph g = f.graph;
            Output<?>[] wrt = names.stream().map(n -> f.store.entries().get(n).variable().asOutput()).toArray(Output<?>[]::new);
            Output<?>[] grads = g.addGradients(loss.asOutput(), wrt);
            GradientChecker<T> c = f.checker(loss);
            feed(c, f);
            return c.run(Arrays.asList(grads));
        }

        private static double[] uniform(java.util.Random r, long n, double lo, double hi) {
            double[] v = new double[(int) n];
            for (int i = 0; i < v.length; i++) {
                v[i] = lo + (hi - lo) * r.nextDouble();
            }
            return v;
        }
    }
}
