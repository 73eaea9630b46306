package org.colorize.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/**
 * Compares TensorFlow's symbolic gradient of a scalar loss with central finite differences,
 * (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, entry by entry, for placeholders (fed) and variables (assigned).
 */
final class GradientChecker<T extends TFloating> {

    /** Outcome of one check. */
    record Report(String what, int entries, double maxAbsError, double maxRelError, double gradNorm, boolean ok) {
        @Override
        public String toString() {
            return String.format("%s: %d entries, max abs err %.3g, max rel err %.3g, |grad| %.3g", what, entries,
                    maxAbsError, maxRelError, gradNorm);
        }
    }

    private final Graph graph;
    private final Session session;
    private final ParameterStore<T> store;
    private final Operand<T> loss;
    private final Map<Placeholder<T>, Shape> shapes = new LinkedHashMap<>();
    private final Map<Placeholder<T>, double[]> values = new LinkedHashMap<>();
    private final Random random = new Random(12345);
    double h = 1e-6;
    double rtol = 1e-5;
    double atol = 1e-8;
    int maxEntries = 24;

    GradientChecker(Graph graph, Session session, ParameterStore<T> store, Operand<T> loss) {
        this.graph = graph;
        this.session = session;
        this.store = store;
        this.loss = loss;
    }

    /** Sets the value fed to {@code x} in every run. */
    GradientChecker<T> feed(Placeholder<T> x, Shape shape, double[] value) {
        shapes.put(x, shape);
        values.put(x, value.clone());
        return this;
    }

    GradientChecker<T> tolerance(double h, double rtol, double atol) {
        this.h = h;
        this.rtol = rtol;
        this.atol = atol;
        return this;
    }

    double loss() {
        return run(loss)[0];
    }

    /** Checks d loss / d x for a fed placeholder. */
    Report checkInput(Placeholder<T> x) {
        double[] v = values.get(x);
        double[] analytic = analytic(x);
        return compare(x.op().name(), analytic, pick(v.length), i -> {
            double old = v[i];
            v[i] = old + h;
            double plus = loss();
            v[i] = old - h;
            double minus = loss();
            v[i] = old;
            return (plus - minus) / (2 * h);
        });
    }

    /** Checks d loss / d variable for a variable of the store. */
    Report checkVariable(String name) {
        ParameterStore.Entry<T> e = store.entries().get(name);
        if (e == null) {
            throw new IllegalArgumentException("no variable " + name);
        }
        double[] v;
        try (Result r = session.runner().fetch(e.variable()).run()) {
            v = Tensors.values(r.get(0));
        }
        double[] analytic = analytic(e.variable());
        Report report = compare(name, analytic, pick(v.length), i -> {
            double old = v[i];
            v[i] = old + h;
            assign(e, v);
            double plus = loss();
            v[i] = old - h;
            assign(e, v);
            double minus = loss();
            v[i] = old;
            assign(e, v);
            return (plus - minus) / (2 * h);
        });
        return report;
    }

    /** Asserts the check passes and the gradient is not identically zero (a vacuous pass). */
    static void assertOk(Report r) {
        System.out.println("gradient check " + r);
        assertTrue(r.gradNorm() > 0, "gradient vanishes, check is vacuous: " + r);
        assertTrue(r.ok(), "gradient mismatch: " + r);
    }

    private void assign(ParameterStore.Entry<T> e, double[] v) {
        try (Tensor t = Tensors.of(store.dtype(), e.shape(), v)) {
            store.load(session, Map.of(e.name(), t), false);
        }
    }

    private double[] analytic(Operand<?> wrt) {
        Output<?>[] grad = graph.addGradients(loss.asOutput(), new Output<?>[] {wrt.asOutput()});
        return run(grad[0]);
    }

    private interface Numeric {
        double at(int i);
    }

    private Report compare(String what, double[] analytic, int[] entries, Numeric numeric) {
        double maxAbs = 0;
        double maxRel = 0;
        double norm = 0;
        boolean ok = true;
        for (int i : entries) {
            double n = numeric.at(i);
            double a = analytic[i];
            double err = Math.abs(a - n);
            double scale = Math.max(Math.abs(a), Math.abs(n));
            maxAbs = Math.max(maxAbs, err);
            if (scale > 0) {
                maxRel = Math.max(maxRel, err / scale);
            }
            norm += n * n;
            ok &= err <= atol + rtol * scale;
        }
        return new Report(what, entries.length, maxAbs, maxRel, Math.sqrt(norm), ok);
    }

    private int[] pick(int size) {
        if (size <= maxEntries) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < maxEntries) {
            int i = random.nextInt(size);
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Runs {@code fetch} with the current feeds. */
    double[] run(Operand<?> fetch) {
        return run(List.of(fetch))[0];
    }

    /** Runs all {@code fetches} in one session run with the current feeds. */
    double[][] run(List<? extends Operand<?>> fetches) {
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner r = session.runner();
            for (Map.Entry<Placeholder<T>, double[]> e : values.entrySet()) {
                Tensor t = Tensors.of(store.dtype(), shapes.get(e.getKey()), e.getValue());
                fed.add(t);
                r.feed(e.getKey(), t);
            }
            fetches.forEach(r::fetch);
            try (Result result = r.run()) {
                double[][] out = new double[fetches.size()][];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Tensors.values(result.get(i));
                }
                return out;
            }
        } finally {
            fed.forEach(Tensor::close);
        }
    }

}
