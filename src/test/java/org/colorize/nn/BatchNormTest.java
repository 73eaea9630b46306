package org.colorize.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;

/** Batch norm values: batch statistics, PyTorch's moving-average update, inference on moving statistics. */
class BatchNormTest {

    @Test
    void trainModeNormalizesWithBatchStatisticsAndUpdatesMovingAverages() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape xs = Shape.of(2, 2, 3, 2);
            var x = f.placeholder("x", xs);
            var y = BatchNorm.apply(f.store, "bn", x);
            // inference branch on the same variables
            var inference = BatchNorm.apply(f.store.view(ParameterStore.Mode.INFERENCE, "eval"), "bn", x);
            double[] xv = f.randn(xs.size(), 3);
            double[] gamma = {1.5, -0.5};
            double[] beta = {0.25, 2};
            Map<String, Tensor> vars = Map.of("bn/gamma", Tensors.of(TFloat64.class, Shape.of(2), gamma),
                    "bn/beta", Tensors.of(TFloat64.class, Shape.of(2), beta));
            f.store.load(f.session, vars, false);
            vars.values().forEach(Tensor::close);

            double[][] stats = stats(xv, 2);
            double[] want = new double[xv.length];
            for (int i = 0; i < xv.length; i++) {
                int c = i % 2;
                want[i] = (xv[i] - stats[0][c]) / Math.sqrt(stats[1][c] + 1e-5) * gamma[c] + beta[c];
            }
            try (Tensor xt = Tensors.of(TFloat64.class, xs, xv)) {
                var r = f.session.runner().feed(x, xt).fetch(y);
                f.store.updates().forEach(r::addTarget);
                try (Result res = r.run()) {
                    assertArrayEquals(want, Tensors.values(res.get(0)), 1e-12);
                }
                try (Result res = f.session.runner().fetch("bn/moving_mean").fetch("bn/moving_variance").run()) {
                    double n = xv.length / 2.0;
                    for (int c = 0; c < 2; c++) {
                        assertEquals(0.9 * 0 + 0.1 * stats[0][c], Tensors.values(res.get(0))[c], 1e-12);
                        assertEquals(0.9 * 1 + 0.1 * stats[1][c] * n / (n - 1), Tensors.values(res.get(1))[c], 1e-12);
                    }
                }
                // inference reads the updated moving statistics
                try (Result res = f.session.runner().feed(x, xt).fetch(inference).fetch("bn/moving_mean")
                        .fetch("bn/moving_variance").run()) {
                    double[] mm = Tensors.values(res.get(1));
                    double[] mv = Tensors.values(res.get(2));
                    double[] got = Tensors.values(res.get(0));
                    for (int i = 0; i < xv.length; i++) {
                        int c = i % 2;
                        assertEquals((xv[i] - mm[c]) / Math.sqrt(mv[c] + 1e-5) * gamma[c] + beta[c], got[i], 1e-12);
                    }
                }
            }
        }
    }

    /** Per channel mean and biased variance of NHWC values with c channels. */
    private static double[][] stats(double[] v, int c) {
        double[] mean = new double[c];
        double[] var = new double[c];
        int n = v.length / c;
        for (int i = 0; i < v.length; i++) {
            mean[i % c] += v[i] / n;
        }
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - mean[i % c];
            var[i % c] += d * d / n;
        }
        return new double[][] {mean, var};
    }
}
