package org.colorize.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Forward values of the layers against plain-Java implementations of PyTorch's definitions
 * (the gradient checks say nothing about whether the forward computes the right function).
 */
class ForwardSemanticsTest {

    /** Runs y with x fed and the given variable values loaded. */
    private static double[] run(TfFixture<TFloat64> f, Operand<TFloat64> y, Placeholder<TFloat64> x, Shape xs, double[] xv,
            Map<String, double[]> vars) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        vars.forEach((k, v) -> tensors.put(k, Tensors.of(TFloat64.class, f.store.entries().get(k).shape(), v)));
        f.store.load(f.session, tensors, false);
        tensors.values().forEach(Tensor::close);
        try (Tensor xt = Tensors.of(TFloat64.class, xs, xv); Result r = f.session.runner().feed(x, xt).fetch(y).run()) {
            return Tensors.values(r.get(0));
        }
    }

    /** PyTorch Conv2d: out[i] = b + Σ in[i·s − p + k·d]·w[k], zeros outside; x NHWC, w HWIO. */
    static double[] referenceConv(double[] x, int n, int h, int w, int c, double[] wt, int k, int o, double[] b, int s,
            int p, int d) {
        int oh = (h + 2 * p - d * (k - 1) - 1) / s + 1;
        int ow = (w + 2 * p - d * (k - 1) - 1) / s + 1;
        double[] out = new double[n * oh * ow * o];
        for (int bi = 0; bi < n; bi++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int oc = 0; oc < o; oc++) {
                        double acc = b[oc];
                        for (int ki = 0; ki < k; ki++) {
                            for (int kj = 0; kj < k; kj++) {
                                int yi = i * s - p + ki * d;
                                int xj = j * s - p + kj * d;
                                if (yi < 0 || yi >= h || xj < 0 || xj >= w) {
                                    continue;
                                }
                                for (int ci = 0; ci < c; ci++) {
                                    acc += x[((bi * h + yi) * w + xj) * c + ci] * wt[((ki * k + kj) * c + ci) * o + oc];
                                }
                            }
                        }
                        out[((bi * oh + i) * ow + j) * o + oc] = acc;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void convMatchesPyTorchDefinition() {
        int[][] cases = {{1, 1, 1}, {2, 1, 1}, {1, 2, 2}, {1, 0, 1}, {2, 0, 1}};
        for (int[] sp : cases) {
            int s = sp[0];
            int p = sp[1];
            int d = sp[2];
            int n = 2;
            int h = 7;
            int w = 6;
            int c = 2;
            int o = 3;
            int k = 3;
            try (var f = TfFixture.training(TFloat64.class)) {
                Shape xs = Shape.of(n, h, w, c);
                var x = f.placeholder("x", xs);
                var spec = new Conv2d.Spec(o, k, s, p, d, true);
                var y = Conv2d.apply(f.store, "c", x, spec);
                double[] xv = f.randn(xs.size(), 1);
                double[] wv = f.randn(k * k * c * o, 1);
                double[] bv = f.randn(o, 1);
                double[] got = run(f, y, x, xs, xv, Map.of("c/weight", wv, "c/bias", bv));
                double[] want = referenceConv(xv, n, h, w, c, wv, k, o, bv, s, p, d);
                assertArrayEquals(want, got, 1e-12, "stride " + s + " padding " + p + " dilation " + d);
            }
        }
    }

    /** PyTorch ConvTranspose2d(k 4, s 2, p 1): out[i·2 − 1 + k] += in[i]·w[k]; w as [k, k, out, in]. */
    @Test
    void transposedConvMatchesPyTorchDefinition() {
        int n = 2;
        int h = 3;
        int w = 4;
        int c = 2;
        int o = 3;
        int k = 4;
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape xs = Shape.of(n, h, w, c);
            var x = f.placeholder("x", xs);
            var y = TransposedConv2d.apply(f.store, "t", x, o);
            double[] xv = f.randn(xs.size(), 1);
            double[] wv = f.randn(k * k * o * c, 1);
            double[] bv = f.randn(o, 1);
            double[] got = run(f, y, x, xs, xv, Map.of("t/weight", wv, "t/bias", bv));
            int oh = 2 * h;
            int ow = 2 * w;
            double[] want = new double[n * oh * ow * o];
            for (int bi = 0; bi < n; bi++) {
                for (int yy = 0; yy < oh; yy++) {
                    for (int xx = 0; xx < ow; xx++) {
                        for (int oc = 0; oc < o; oc++) {
                            want[((bi * oh + yy) * ow + xx) * o + oc] = bv[oc];
                        }
                    }
                }
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        for (int ki = 0; ki < k; ki++) {
                            for (int kj = 0; kj < k; kj++) {
                                int yy = i * 2 - 1 + ki;
                                int xx = j * 2 - 1 + kj;
                                if (yy < 0 || yy >= oh || xx < 0 || xx >= ow) {
                                    continue;
                                }
                                for (int oc = 0; oc < o; oc++) {
                                    for (int ci = 0; ci < c; ci++) {
                                        want[((bi * oh + yy) * ow + xx) * o + oc] += xv[((bi * h + i) * w + j) * c + ci]
                                                * wv[((ki * k + kj) * o + oc) * c + ci];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            assertArrayEquals(want, got, 1e-12);
        }
    }

    @Test
    void subsampleTakesEverySecondPixelFromTheFirst() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape xs = Shape.of(1, 5, 4, 1);
            var x = f.placeholder("x", xs);
            var y = Spatial.subsample2(f.tf, x);
            double[] xv = new double[20];
            for (int i = 0; i < 20; i++) {
                xv[i] = i;
            }
            assertArrayEquals(new double[] {0, 2, 8, 10, 16, 18}, run(f, y, x, xs, xv, Map.of()), 0);
        }
    }

    /** PyTorch interpolate(bilinear, align_corners=False): src = (dst + 0.5)·in/out − 0.5, clamped at 0. */
    @Test
    void resizeBilinearMatchesPyTorchHalfPixel() {
        int h = 3;
        int w = 4;
        int oh = 7;
        int ow = 2;
        try (var f = TfFixture.training(TFloat32.class)) {
            Shape xs = Shape.of(1, h, w, 1);
            var x = f.placeholder("x", xs);
            var y = Spatial.resizeBilinear(f.tf, x, f.tf.constant(new int[] {oh, ow}));
            double[] xv = f.randn(xs.size(), 1);
            double[] got;
            try (Tensor xt = Tensors.of(TFloat32.class, xs, xv); Result r = f.session.runner().feed(x, xt).fetch(y).run()) {
                got = Tensors.values(r.get(0));
            }
            double[] want = new double[oh * ow];
            for (int i = 0; i < oh; i++) {
                double sy = Math.max(0, (i + 0.5) * h / oh - 0.5);
                int y0 = (int) Math.floor(sy);
                int y1 = Math.min(y0 + 1, h - 1);
                double ly = sy - y0;
                for (int j = 0; j < ow; j++) {
                    double sx = Math.max(0, (j + 0.5) * w / ow - 0.5);
                    int x0 = (int) Math.floor(sx);
                    int x1 = Math.min(x0 + 1, w - 1);
                    double lx = sx - x0;
                    double top = xv[y0 * w + x0] * (1 - lx) + xv[y0 * w + x1] * lx;
                    double bottom = xv[y1 * w + x0] * (1 - lx) + xv[y1 * w + x1] * lx;
                    want[i * ow + j] = top * (1 - ly) + bottom * ly;
                }
            }
            assertArrayEquals(want, got, 1e-5);
        }
    }

    @Test
    void concatJoinsChannels() {
        try (var f = TfFixture.training(TFloat64.class)) {
            var a = f.placeholder("a", Shape.of(1, 1, 2, 1));
            var b = f.placeholder("b", Shape.of(1, 1, 2, 2));
            var y = Spatial.concat(f.tf, List.of(a, b));
            try (Tensor at = Tensors.of(TFloat64.class, Shape.of(1, 1, 2, 1), new double[] {1, 2});
                    Tensor bt = Tensors.of(TFloat64.class, Shape.of(1, 1, 2, 2), new double[] {3, 4, 5, 6});
                    Result r = f.session.runner().feed(a, at).feed(b, bt).fetch(y).run()) {
                assertArrayEquals(new double[] {1, 3, 4, 2, 5, 6}, Tensors.values(r.get(0)), 0);
            }
        }
    }
}
