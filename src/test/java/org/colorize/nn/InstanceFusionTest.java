package org.colorize.nn;

import static org.colorize.nn.GradientChecker.assertOk;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.colorize.nn.FusionGeometry.NetBox;
import org.colorize.nn.FusionGeometry.Span;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat64;

/** The fusion math on hand-made features and boxes (float64). */
class InstanceFusionTest {
    private static final int SIZE = 16; // network side; stride 2 → maps of 8

    @Test
    void boxGeometryAtEachScale() {
        NetBox box = new NetBox(3.7, 5.2, 13.9, 16);
        assertEquals(new Span(3, 10), FusionGeometry.boxAt(box, 1, SIZE)[0]);
        assertEquals(new Span(5, 11), FusionGeometry.boxAt(box, 1, SIZE)[1]);
        assertEquals(new Span(1, 5), FusionGeometry.boxAt(box, 2, SIZE)[0]); // 1.85 → 1, 6.95 → 6
        assertEquals(new Span(2, 6), FusionGeometry.boxAt(box, 2, SIZE)[1]); // bottom border: end 8 = n
        assertEquals(new Span(0, 3), FusionGeometry.boxAt(box, 4, SIZE)[0]);
        assertEquals(new Span(1, 3), FusionGeometry.boxAt(box, 4, SIZE)[1]);
        assertEquals(new Span(0, 1), FusionGeometry.boxAt(box, 8, SIZE)[0]);
        assertEquals(new Span(0, 2), FusionGeometry.boxAt(box, 8, SIZE)[1]);
    }

    @Test
    void boxGeometryAtTheBorderKeepsOnePixelInside() {
        // a sliver on the right edge truncates to nothing at stride 8: kept as the last pixel
        assertEquals(new Span(1, 1), FusionGeometry.span(15.2, 15.9, 8, 2));
        // a box reaching past the image is clipped to the map
        assertEquals(new Span(2, 2), FusionGeometry.span(9, 40, 4, 4));
        assertEquals(new Span(0, 1), FusionGeometry.span(-5, 1, 2, 8));
    }

    @Test
    void matrixResizesIntoTheBoxAndZeroPads() {
        int n = 8;
        float[] r = FusionGeometry.matrix(new Span(2, 4), n);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int a = 0; a < n; a++) sum += r[i * n + a];
            assertEquals(i >= 2 && i < 6 ? 1 : 0, sum, 1e-6, "row " + i);
        }
        // 8 → 4, half-pixel centers: target t samples source 2t + 0.5, halfway between 2t and 2t+1
        assertEquals(0.5, r[2 * n], 1e-6);
        assertEquals(0.5, r[2 * n + 1], 1e-6);
        float[] identity = FusionGeometry.matrix(new Span(0, n), n);
        for (int i = 0; i < n; i++) assertEquals(1, identity[i * n + i], 1e-6);
    }

    @Test
    void weightsSumToOne() {
        try (var f = TfFixture.training(TFloat64.class)) {
            // one-hot features (background [1, 0, 0], instance 1 [0, 1, 0], instance 2 [0, 0, 1]) make the blend's output
            // its weights; logits from the Gaussian, the signed background map capped as the lean variant's
            double[] logits = f.randn(12, 10);
            logits[0] = 500; // beyond the cap: still finite weights that sum to 1, the background's ≈ 1
            logits[1] = -500;
            double[] full = new double[4 * 3];
            double[] inst = new double[2 * 4 * 3];
            for (int p = 0; p < 4; p++) {
                full[p * 3] = 1;
                inst[p * 3 + 1] = 1;
                inst[(4 + p) * 3 + 2] = 1;
            }
            var y = InstanceFusion.blend(f.tf, f.store, f.tf.constant(Shape.of(1, 2, 2, 3), DataBuffers.of(full)),
                    f.tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(java.util.Arrays.copyOfRange(logits, 0, 4))),
                    f.tf.constant(Shape.of(2, 2, 2, 1), DataBuffers.of(java.util.Arrays.copyOfRange(logits, 4, 12))),
                    f.tf.constant(Shape.of(2, 2, 2, 3), DataBuffers.of(inst)), null, true);
            double[] w = run(f, y);
            assertEquals(1, w[0], 1e-12);
            for (int p = 0; p < 4; p++) {
                assertEquals(1, w[p * 3] + w[p * 3 + 1] + w[p * 3 + 2], 1e-12, "weights sum to 1 at pixel " + p);
                if (p < 2) continue;
                double[] e = {Math.exp(logits[p]), Math.exp(logits[4 + p]), Math.exp(logits[8 + p])};
                double sum = e[0] + e[1] + e[2];
                for (int c = 0; c < 3; c++) assertEquals(e[c] / sum, w[p * 3 + c], 1e-12, "the softmax at pixel " + p);
            }
            // the same constant on every input comes out unchanged: Σ weights · c = c, whatever the weight nets say
            double[] out = fuse(f, List.of(new NetBox(2, 2, 10, 12), new NetBox(6, 0, 16, 8)), 0.75, 0.75, 0.75);
            for (double v : out) assertEquals(0.75, v, 1e-6); // float32 resampling weights
        }
    }

    @Test
    void outsideEveryBoxIsTheFullImageFeature() {
        try (var f = TfFixture.training(TFloat64.class)) {
            double[] full = f.randn(8 * 8 * 3, 1);
            double[] out = fuse(f, List.of(new NetBox(0, 0, 6, 6), new NetBox(4, 8, 12, 16)), full, 5, -5);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean inA = x < 3 && y < 3;
                    boolean inB = x >= 2 && x < 6 && y >= 4;
                    for (int c = 0; c < 3; c++) {
                        int i = (y * 8 + x) * 3 + c;
                        if (!inA && !inB) assertEquals(full[i], out[i], 0, "pixel " + x + "," + y);
                        else assertNotEquals(full[i], out[i], "pixel " + x + "," + y + " is inside a box");
                    }
                }
            }
        }
    }

    @Test
    void withNoBoxesTheFullImageFeaturesPassUnchanged() {
        // what the fusion stage's held-out baseline feeds: K = 0 instances, an empty union of boxes; fed, not constant,
        // as in the training graph (constants of an empty batch are folded away before the failure of a slice shows)
        try (var f = TfFixture.training(TFloat64.class)) {
            double[] full = f.randn(8 * 8 * 3, 2);
            var inst = f.placeholder("inst", Shape.of(-1, 8, 8, 3));
            var r = f.placeholder("r", Shape.of(-1, 8, 8));
            var c = f.placeholder("c", Shape.of(-1, 8, 8));
            var y = new InstanceFusion<>(Map.of(FusionPoint.CONV2_2, inst), Map.of(2, r), Map.of(2, c), FusionConfig.COLORIZE)
                    .fuse(FusionPoint.CONV2_2, f.tf.constant(Shape.of(1, 8, 8, 3), DataBuffers.of(full)), f.store);
            f.session.initialize();
            try (var ti = Tensors.of(TFloat64.class, Shape.of(0, 8, 8, 3), new double[0]);
                    var tr = Tensors.of(TFloat64.class, Shape.of(0, 8, 8), new double[0]);
                    var tc = Tensors.of(TFloat64.class, Shape.of(0, 8, 8), new double[0]);
                    Result res = f.session.runner().feed(inst, ti).feed(r, tr).feed(c, tc).fetch(y).run()) {
                assertArrayEquals(full, Tensors.values(res.get(0)), 0);
            }
        }
    }

    @Test
    void overlappingBoxesBlend() {
        List<NetBox> boxes = List.of(new NetBox(0, 0, 10, 10), new NetBox(6, 6, 16, 16));
        double[] low;
        double[] high;
        try (var f = TfFixture.training(TFloat64.class)) { // same seed, same fusion weights in both
            low = fuse(f, boxes, 0.0, 1, 0);
        }
        try (var f = TfFixture.training(TFloat64.class)) {
            high = fuse(f, boxes, 0.0, 1, 2);
        }
        {
            int overlap = (4 * 8 + 4) * 3; // pixel (4, 4) of the 8² map: inside both boxes
            int onlyFirst = (1 * 8 + 1) * 3;
            assertTrue(high[overlap] > low[overlap] + 1e-6, "the second instance weighs in where the boxes overlap");
            assertTrue(low[overlap] > 0 && low[overlap] < 1, "the first instance and the background share the pixel");
            assertEquals(low[onlyFirst], high[onlyFirst], 0, "the second instance has no weight outside its box");
        }
    }

    @Test
    void leanWeightNetsAreOneSignedConvWithTheSameBlending() {
        List<NetBox> boxes = List.of(new NetBox(0, 0, 6, 6), new NetBox(4, 8, 12, 16));
        try (var f = TfFixture.training(TFloat64.class)) {
            double[] out = fuse(f, boxes, 0.75, 0.75, 0.75, FusionConfig.LEAN);
            for (double v : out) assertEquals(0.75, v, 1e-6);
            var convs = f.store.entries().keySet().stream().filter(n -> n.endsWith("/weight")).sorted().toList();
            assertEquals(List.of("fusion/conv2_2/bg/conv_0/weight", "fusion/conv2_2/instance/conv_0/weight"), convs);
            assertEquals(List.of(3L, 3L, 3L, 1L), java.util.Arrays.stream(f.store.entries().get(convs.get(0)).shape().asArray()).boxed().toList());
        }
        try (var f = TfFixture.training(TFloat64.class)) {
            double[] full = f.randn(8 * 8 * 3, 1);
            double[] out = fuse(f, boxes, full, 5, -5, FusionConfig.LEAN);
            int outside = (7 * 8 + 7) * 3; // pixel (7, 7): in neither box
            int inA = (1 * 8 + 1) * 3;
            assertEquals(full[outside], out[outside], 0);
            assertNotEquals(full[inA], out[inA]);
        }
        try (var f = TfFixture.training(TFloat64.class)) {
            var c = checkerAtConv2_2(f, FusionConfig.LEAN);
            assertOk(c.checkVariable("fusion/conv2_2/instance/conv_0/weight"));
            assertOk(c.checkVariable("fusion/conv2_2/bg/conv_0/bias"));
        }
    }

    @Test
    void gradientsOfTheFusionWeightsAndInstanceFeatures() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape fs = Shape.of(1, 8, 8, 2);
            Shape is = Shape.of(2, 4, 4, 2); // crops of 8 px at stride 2 on a network input of 16
            var full = f.placeholder("full", fs);
            var inst = f.placeholder("inst", is);
            var geo = FusionGeometry.inputs(List.of(new NetBox(0, 0, 7, 5), new NetBox(3, 2, 16, 16)), 16, 8);
            var hook = hook(f, inst, geo, 1);
            var y = hook.fuse(FusionPoint.CONV2_2, full, f.store);
            var c = f.checker(f.projection(y, fs)).feed(full, fs, f.randn(fs.size(), 1)).feed(inst, is, f.randn(is.size(), 1));
            randomizeLastConvs(f);
            assertOk(c.checkInput(full));
            assertOk(c.checkInput(inst));
            assertOk(c.checkVariable("fusion/conv2_2/instance/conv_0/weight"));
            assertOk(c.checkVariable("fusion/conv2_2/bg/conv_4/weight"));
        }
    }

    @Test
    void aNewFusionStartsAsTheFullImageFeatures() {
        List<NetBox> boxes = List.of(new NetBox(0, 0, 6, 6), new NetBox(4, 8, 12, 16));
        double one = Math.exp(InstanceFusion.INSTANCE_INITIAL_LOGIT);
        double alone = one / (Math.exp(InstanceFusion.BACKGROUND_INITIAL_LOGIT) + one);
        for (FusionConfig config : List.of(FusionConfig.COLORIZE, FusionConfig.LEAN)) {
            try (var f = TfFixture.training(TFloat64.class)) {
                double[] out = fuse(f, boxes, 0.0, 1, 1, config); // full-image features 0, instance features 1
                assertEquals(alone, out[(1 * 8 + 1) * 3], 1e-6, "inside box A only: the instance's weight at the start");
                assertTrue(alone > 0 && alone < 0.01, "an instance starts with a weight below 1 %: " + alone);
                assertEquals(0, out[(7 * 8 + 7) * 3], 0, "outside the boxes");
            }
        }
    }

    @Test
    void theBoxSizeTermWeighsEachInstanceByItsBoxArea() {
        // box A covers 3×3 of the 8×8 map (0.140625 of the image), box B 4×4 (0.25); with the term's weight set to −6
        List<NetBox> boxes = List.of(new NetBox(0, 0, 6, 6), new NetBox(8, 8, 16, 16));
        double weight = -6;
        FusionConfig config = FusionConfig.COLORIZE.withBoxSizeTerm(true);
        assertThrows(IllegalArgumentException.class, () -> FusionConfig.instColorization(16).withBoxSizeTerm(true),
                "with zero-padded logits the term would weigh an instance outside its box");
        try (var f = TfFixture.training(TFloat64.class)) {
            double[] out = fuse(f, boxes, 0.0, 1, 1, config, weight);
            double[] areas = {9 / 64.0, 16 / 64.0};
            int[] pixels = {(1 * 8 + 1) * 3, (6 * 8 + 6) * 3};
            for (int k = 0; k < 2; k++) {
                double e = Math.exp(InstanceFusion.INSTANCE_INITIAL_LOGIT + weight * areas[k]);
                assertEquals(e / (Math.exp(InstanceFusion.BACKGROUND_INITIAL_LOGIT) + e), out[pixels[k]], 1e-6, "box " + k);
            }
            assertEquals(0, out[(7 * 8 + 0) * 3], 0, "outside the boxes");
        }
        try (var f = TfFixture.training(TFloat64.class)) {
            double[] out = fuse(f, boxes, 0.75, 0.75, 0.75, config, weight);
            for (double v : out) assertEquals(0.75, v, 1e-6); // weights still sum to 1
        }
        try (var f = TfFixture.training(TFloat64.class)) {
            var c = checkerAtConv2_2(f, config);
            assertOk(c.checkVariable("fusion/conv2_2/" + InstanceFusion.BOX_SIZE));
        }
    }

    /** A gradient checker of the fusion at conv2_2 with two boxes, random full-image and instance features fed. */
    private static GradientChecker<TFloat64> checkerAtConv2_2(TfFixture<TFloat64> f, FusionConfig config) {
        Shape fs = Shape.of(1, 8, 8, 2);
        Shape is = Shape.of(2, 4, 4, 2);
        var full = f.placeholder("full", fs);
        var inst = f.placeholder("inst", is);
        var geo = FusionGeometry.inputs(List.of(new NetBox(0, 0, 7, 5), new NetBox(3, 2, 16, 16)), 16, 8);
        var y = hook(f, inst, geo, 1, config).fuse(FusionPoint.CONV2_2, full, f.store);
        return f.checker(f.projection(y, fs)).feed(full, fs, f.randn(fs.size(), 1)).feed(inst, is, f.randn(is.size(), 1));
    }

    /**
     * Random weights for the weight maps' last convs: a new fusion starts them at zero (see
     * {@link InstanceFusion#BACKGROUND_INITIAL_LOGIT}), where the convs before them get no gradient.
     */
    private static void randomizeLastConvs(TfFixture<TFloat64> f) {
        Map<String, org.tensorflow.Tensor> values = new java.util.HashMap<>();
        try {
            for (var e : f.store.entries().entrySet()) {
                if (e.getKey().matches("fusion/.*/conv_4/weight")) {
                    Shape shape = e.getValue().shape();
                    values.put(e.getKey(), Tensors.of(TFloat64.class, shape, f.randn(shape.size(), 0.5)));
                }
            }
            f.store.load(f.session, values, false);
        } finally {
            values.values().forEach(org.tensorflow.Tensor::close);
        }
    }

    /** Fuses at conv2_2 (stride 2, 8² maps, 3 channels) with constant or given features. */
    private static double[] fuse(TfFixture<TFloat64> f, List<NetBox> boxes, Object full, double first, double second) {
        return fuse(f, boxes, full, first, second, FusionConfig.COLORIZE);
    }

    private static double[] fuse(TfFixture<TFloat64> f, List<NetBox> boxes, Object full, double first, double second,
            FusionConfig config) {
        return fuse(f, boxes, full, first, second, config, 0);
    }

    /** With the box-size term's weight set to {@code boxSizeWeight} where the config has it. */
    private static double[] fuse(TfFixture<TFloat64> f, List<NetBox> boxes, Object full, double first, double second,
            FusionConfig config, double boxSizeWeight) {
        double[] fullValues = full instanceof double[] d ? d : constant(8 * 8 * 3, (Double) full);
        double[] inst = new double[boxes.size() * 8 * 8 * 3];
        java.util.Arrays.fill(inst, 0, 8 * 8 * 3, first);
        if (boxes.size() > 1) java.util.Arrays.fill(inst, 8 * 8 * 3, inst.length, second);
        var geo = FusionGeometry.inputs(boxes, SIZE);
        Operand<TFloat64> instOp = f.tf.constant(Shape.of(boxes.size(), 8, 8, 3), DataBuffers.of(inst));
        var ops = hook(f, instOp, geo, 1, config);
        var fullOp = f.tf.constant(Shape.of(1, 8, 8, 3), DataBuffers.of(fullValues));
        String scope = "fusion/conv2_2/bg/conv_0/weight";
        if (f.store.entries().containsKey(scope)) throw new IllegalStateException("one fusion per fixture");
        Operand<TFloat64> y = ops.fuse(FusionPoint.CONV2_2, fullOp, f.store);
        if (!config.boxSizeTerm()) return run(f, y);
        try (var t = Tensors.of(TFloat64.class, Shape.of(1), new double[] {boxSizeWeight})) {
            return run(f, y, Map.of("fusion/conv2_2/" + InstanceFusion.BOX_SIZE, t));
        }
    }

    private static InstanceFusion<TFloat64> hook(TfFixture<TFloat64> f, Operand<TFloat64> inst, FusionGeometry.Inputs geo,
            int strideIndex) {
        return hook(f, inst, geo, strideIndex, FusionConfig.COLORIZE);
    }

    private static InstanceFusion<TFloat64> hook(TfFixture<TFloat64> f, Operand<TFloat64> inst, FusionGeometry.Inputs geo,
            int strideIndex, FusionConfig config) {
        int k = geo.count();
        int n = geo.size() / FusionGeometry.STRIDES.get(strideIndex);
        int m = geo.cropSize() / FusionGeometry.STRIDES.get(strideIndex);
        var r = f.tf.constant(Shape.of(k, n, m), DataBuffers.of(widen(geo.rows()[strideIndex])));
        var c = f.tf.constant(Shape.of(k, n, m), DataBuffers.of(widen(geo.cols()[strideIndex])));
        return new InstanceFusion<>(Map.of(FusionPoint.CONV2_2, inst), Map.of(2, r), Map.of(2, c), config);
    }

    private static double[] run(TfFixture<TFloat64> f, Operand<TFloat64> y) {
        return run(f, y, Map.of());
    }

    /** Runs {@code y} after initializing the variables and setting those of {@code values}. */
    private static double[] run(TfFixture<TFloat64> f, Operand<TFloat64> y, Map<String, org.tensorflow.Tensor> values) {
        f.session.initialize();
        if (!values.isEmpty()) f.store.load(f.session, values, false);
        try (Result r = f.session.runner().fetch(y).run()) {
            return Tensors.values(r.get(0));
        }
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    @Test
    void instanceNetworkHasItsOwnWeights() {
        try (var f = TfFixture.training(TFloat64.class)) {
            var cfg = Siggraph17Config.regression(0.0625, 1);
            var l = f.placeholder("l", Shape.of(1, SIZE, SIZE, 1));
            var in = InstanceAwareNet.placeholders(f.tf, TFloat64.class, SIZE, SIZE / 2);
            InstanceAwareNet.build(f.store, l, in, cfg);
            var names = f.store.parameters().keySet();
            assertTrue(names.contains("conv1_1/weight"));
            assertTrue(names.contains("instance/conv1_1/weight"));
            assertTrue(names.contains("fusion/conv10_2/bg/conv_4/bias"));
            assertEquals(13 * 2 * 3 * 2, f.store.parameters("fusion/").size(), "13 points × 2 nets × 3 convs × (weight, bias)");
            assertArrayEquals(new long[] {-1, SIZE / 2, SIZE / 2, 1}, in.crops().shape().asArray());
            var macs = f.store.flops().perLayer();
            assertEquals(macs.get("conv1_2") / 4, macs.get("instance/conv1_2"), "the instance net is counted under its own names, at its crop size");
            assertTrue(macs.containsKey("fusion/conv10_2/bg/conv_0"), macs.keySet().toString());
        }
    }
}
