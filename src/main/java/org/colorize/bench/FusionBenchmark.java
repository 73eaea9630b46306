package org.colorize.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.CommandLineArgs;
import org.colorize.nn.FusionConfig;
import org.colorize.nn.FusionGeometry;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code colorize bench fusion [--width 0.25] [--size 64] [--repeats N]}: the instance-aware graph's
 * network time (the instance net on k crops of half the side as one batch, the full-image net with
 * the fusion module) as a multiple of the plain full-image net's, measured side by side in one run
 * with freshly initialized weights, for InstColorization's weight-map nets and the lean ones
 * ({@link FusionConfig#LEAN}), k = 1, 4, 8; also the instance net alone. The bar
 * (1 + 0.35·k) is on the whole colorization, which adds the same image work to both sides: that is
 * {@link InstanceCostBenchmark} ({@code colorize bench instances}).
 */
public final class FusionBenchmark {
    static final String USAGE = "usage: colorize bench fusion [--width W] [--size S] [--repeats N]";
    private static final int WARMUP = 5;
    private static final int[] INSTANCES = {1, 4, 8};

    private FusionBenchmark() {}

    /** The command line entry; 0 on success, 2 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        double width;
        int size;
        int repeats;
        try {
            CommandLineArgs a = CommandLineArgs.spec().values("width", "size", "repeats").noPositionals().parse(args);
            width = Double.parseDouble(a.value("width", "0.25"));
            size = a.intValue("size", 64);
            repeats = a.intValue("repeats", 30);
            if (size % 16 != 0 || size < 16) throw new IllegalArgumentException("--size must be a multiple of 16 (crops are half of it)");
            if (repeats < 1 || width <= 0) throw new IllegalArgumentException("--repeats and --width must be positive");
        } catch (IllegalArgumentException e) {
            err.println("colorize bench fusion: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        Siggraph17Config cfg = Siggraph17Config.regression(width, 1);
        int crop = size / 2;
        double plain = secondsPerRun(cfg, size, crop, null, 0, repeats);
        double instanceAlone = secondsPerRun(cfg, crop, crop, null, 0, repeats);
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-28s %10.2f %8.2f", "full-image net " + size + "²", plain * 1e3, 1.0));
        rows.add(String.format(Locale.ROOT, "%-28s %10.2f %8.2f", "instance net alone " + crop + "²", instanceAlone * 1e3,
                instanceAlone / plain));
        for (FusionConfig fusion : List.of(FusionConfig.COLORIZE, FusionConfig.LEAN)) {
            for (int k : INSTANCES) {
                double t = secondsPerRun(cfg, size, crop, fusion, k, repeats);
                rows.add(String.format(Locale.ROOT, "%-28s %10.2f %8.2f", (fusion.hiddenConvs() == 0 ? "lean" : "published")
                        + " weight nets, k = " + k, t * 1e3, t / plain));
            }
        }
        out.printf(Locale.ROOT, "width %s, network %d², crops %d², median of %d runs after %d warm-up%n", width, size, crop, repeats,
                WARMUP);
        out.printf(Locale.ROOT, "%-28s %10s %8s%n", "graph", "ms", "× plain");
        rows.forEach(out::println);
        return 0;
    }

    /** Median seconds of one run of the plain net ({@code fusion} null) or the fused graph with k boxes. */
    private static double secondsPerRun(Siggraph17Config cfg, int size, int crop, FusionConfig fusion, int k, int repeats) {
        TfNatives.load();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 1);
            Ops tf = store.tf();
            Placeholder<TFloat32> l = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 1)));
            InstanceAwareNet.Inputs<TFloat32> in = fusion == null ? null : InstanceAwareNet.placeholders(tf, TFloat32.class, size, crop);
            Operand<TFloat32> ab = fusion == null ? Siggraph17Net.build(store, l, cfg).ab()
                    : InstanceAwareNet.build(store, l, in.crops(), in, cfg, fusion).ab();
            s.initialize();
            List<Tensor> feeds = new ArrayList<>();
            try {
                Session.Runner base = s.runner();
                feeds.add(feed(base, l, Shape.of(1, size, size, 1), new float[size * size]));
                if (fusion != null) {
                    List<FusionGeometry.NetBox> boxes = new ArrayList<>();
                    for (int i = 0; i < k; i++) boxes.add(new FusionGeometry.NetBox(size * (0.05 + 0.02 * i), size * 0.1, size * 0.6, size * 0.8));
                    FusionGeometry.Inputs geo = FusionGeometry.inputs(boxes, size, crop);
                    feeds.add(feed(base, in.crops(), Shape.of(k, crop, crop, 1), new float[k * crop * crop]));
                    for (int i = 0; i < FusionGeometry.STRIDES.size(); i++) {
                        int stride = FusionGeometry.STRIDES.get(i);
                        Shape shape = Shape.of(k, size / stride, crop / stride);
                        feeds.add(feed(base, in.rows().get(stride), shape, geo.rows()[i]));
                        feeds.add(feed(base, in.cols().get(stride), shape, geo.cols()[i]));
                    }
                }
                base.fetch(ab);
                double[] seconds = new double[repeats];
                for (int r = -WARMUP; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    try (Result res = base.run()) {
                        if (r >= 0) seconds[r] = (System.nanoTime() - t0) / 1e9;
                    }
                }
                return NetworkBenchmark.median(seconds);
            } finally {
                feeds.forEach(Tensor::close);
            }
        }
    }

    private static Tensor feed(Session.Runner runner, Operand<TFloat32> p, Shape shape, float[] values) {
        TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values));
        runner.feed(p, t);
        return t;
    }
}
