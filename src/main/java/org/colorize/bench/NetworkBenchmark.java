package org.colorize.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.colorize.model.AbField;
import org.colorize.model.ColorizationModel;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.colorize.runtime.DeviceChoice;
import org.colorize.nn.BatchNorm;
import org.colorize.nn.Init;
import org.colorize.nn.NetworkSummary;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.Tensors;
import org.colorize.nn.TfNatives;
import org.colorize.ColorizeException;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Speed of the full-width SIGGRAPH17 network (width 1.0, regression head, L input) served the way
 * the plugin serves it (SavedModel → DJL → {@link ColorizationModel#predictAb}), against a large
 * float32 matmul measured in the same JVM, plus everything an outside implementation needs to run
 * the same network on the same input and compare: the weights ({@link WeightDump}), the input L
 * and our ab output as raw little-endian float32 files, and {@value #RESULT_FILE} with the
 * numbers. {@code bench/siggraph17_torch.py} is that outside implementation (PyTorch).
 *
 * <p>Weights are fixed random: He-normal convs from the store seed; biases, batch-norm gamma and
 * beta random from the same seed; moving statistics calibrated on the benchmark input (one
 * training-mode pass: batch statistics of every norm layer), so every layer sees unit-scale
 * activations as in a trained net; the regression head scaled so tanh's input has standard
 * deviation 0.5 (not saturated, so an error anywhere reaches the output).
 */
public final class NetworkBenchmark {
    /** The numbers, written to the output folder. */
    public static final String RESULT_FILE = "network.json";
    /** The exported SavedModel + model card, usable as a model folder. */
    public static final String MODEL_DIR = "model";
    /** The weight dump. */
    public static final String WEIGHTS_DIR = "weights";
    /** Target standard deviation of the pre-tanh regression output. */
    static final double PRE_TANH_STD = 0.5;

    /**
     * @param out folder for the model, dump, inputs, outputs and {@value #RESULT_FILE}; created
     * @param sizes input sides to time (multiples of 8); the first one calibrates the weights
     * @param warmup untimed runs before the timed ones, per size
     * @param repeats timed runs per size (median reported)
     * @param seed weight seed
     * @param matmulSize side n of the n×n×n matmul
     */
    public record Options(Path out, int[] sizes, int warmup, int repeats, long seed, int matmulSize) {
        public Options {
            if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s < 8 || s % Siggraph17Net.SIZE_MULTIPLE != 0)) {
                throw new IllegalArgumentException("sizes must be multiples of 8: " + Arrays.toString(sizes));
            }
            if (warmup < 0 || repeats < 1 || matmulSize < 1) {
                throw new IllegalArgumentException("warmup >= 0, repeats >= 1, matmul size >= 1");
            }
        }

        public static Options defaults(Path out) {
            return new Options(out, new int[] {256, 512}, 2, 5, 17L, 2048);
        }
    }

    /** Timing of one input size; {@code gflop} counts the conv layers (2 FLOPs per MAC). */
    public record SizeResult(int size, double gflop, double[] seconds, double median, String inputFile, String abFile,
            double abMin, double abMax, double abStd) {
        public double gflops() {
            return gflop / median;
        }
    }

    /** The matmul reference: n×n times n×n, float32, 2n³ FLOPs. */
    public record MatmulResult(int n, double[] seconds, double median) {
        public double gflop() {
            return 2.0 * n * n * n / 1e9;
        }

        public double gflops() {
            return gflop() / median;
        }
    }

    /**
     * The same network and weights evaluated in float64 in a TF Java session (the float32 weights
     * widened exactly), on the first size's input: the exact reference both float32 engines are
     * compared with, so architecture differences and rounding can be told apart.
     */
    public record Float64Reference(int size, String abFile, double seconds) {}

    public record Outcome(long parameters, List<SizeResult> sizes, MatmulResult matmul, double outRegScale,
            Float64Reference float64, String loadBefore, String loadAfter) {}

    private final Options options;
    private final PrintStream log;

    public NetworkBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Outcome run() throws ColorizeException, IOException {
        Files.createDirectories(options.out());
        String loadBefore = loadAverage();
        Siggraph17Config cfg = Siggraph17Config.regression(1.0, 1);
        TfNatives.load();
        long t = System.nanoTime();
        Path modelDir = options.out().resolve(MODEL_DIR);
        double[] outRegScale = new double[1];
        Map<String, WeightDump.Array> weights = buildWeights(cfg, modelDir, outRegScale);
        WeightDump.write(options.out().resolve(WEIGHTS_DIR), weights.values());
        writeCard(modelDir, options.sizes()[0]);
        log.printf(Locale.ROOT, "network: built, calibrated, exported and dumped %d variables in %.1f s%n", weights.size(),
                (System.nanoTime() - t) / 1e9);

        Float64Reference f64 = float64Reference(cfg, weights, options.sizes()[0]);
        List<SizeResult> sizes = new ArrayList<>();
        try (ColorizationModel model = ColorizationModel.load(modelDir, DeviceChoice.CPU)) {
            for (int size : options.sizes()) {
                sizes.add(timeSize(model, cfg, size));
            }
        }
        MatmulResult matmul = timeMatmul(options.matmulSize(), options.warmup(), options.repeats());
        log.printf(Locale.ROOT, "matmul %d³: median %.3f s, %.1f GFLOP/s%n", matmul.n(), matmul.median(), matmul.gflops());
        Outcome r = new Outcome(NetworkSummary.of(cfg, options.sizes()[0]).parameters(), sizes, matmul, outRegScale[0],
                f64, loadBefore, loadAverage());
        writeResult(r);
        return r;
    }

    private SizeResult timeSize(ColorizationModel model, Siggraph17Config cfg, int size) throws ColorizeException, IOException {
        float[] l = inputPattern(size);
        double[] seconds = new double[options.repeats()];
        AbField ab = null;
        for (int i = 0; i < options.warmup() + options.repeats(); i++) {
            long t0 = System.nanoTime();
            ab = model.predictAb(l, size, Double.NaN);
            double s = (System.nanoTime() - t0) / 1e9;
            if (i >= options.warmup()) {
                seconds[i - options.warmup()] = s;
            }
        }
        String inputFile = "input_" + size + ".f32";
        String abFile = "ab_" + size + ".f32";
        WeightDump.writeFloats(options.out().resolve(inputFile), l);
        WeightDump.writeFloats(options.out().resolve(abFile), ab.ab());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sq = 0;
        for (float v : ab.ab()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sq += (double) v * v;
        }
        double n = ab.ab().length;
        double std = Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n)));
        double gflop = NetworkSummary.of(cfg, size).flops() / 1e9;
        SizeResult r = new SizeResult(size, gflop, seconds, median(seconds), inputFile, abFile, min, max, std);
        log.printf(Locale.ROOT, "network %d²: median %.3f s of %s, %.1f GFLOP → %.1f GFLOP/s; ab in [%.1f, %.1f], std %.1f%n",
                size, r.median(), fmt(seconds), gflop, r.gflops(), min, max, std);
        return r;
    }

    /**
     * The fixed benchmark input: a smooth L pattern in 0…100 (two waves and a ramp), the same
     * continuous picture at every size, row-major [size, size].
     */
    public static float[] inputPattern(int size) {
        float[] l = new float[size * size];
        for (int y = 0; y < size; y++) {
            double v = (y + 0.5) / size;
            for (int x = 0; x < size; x++) {
                double u = (x + 0.5) / size;
                double value = 50 + 28 * Math.sin(2 * Math.PI * 1.5 * u + 0.3) * Math.cos(2 * Math.PI * v)
                        + 18 * (u - v) + 6 * Math.sin(2 * Math.PI * 7 * (u + 0.5 * v));
                l[y * size + x] = (float) Math.max(0, Math.min(100, value));
            }
        }
        return l;
    }

    /**
     * Builds the training graph, sets random biases/gamma/beta, calibrates the moving statistics by
     * one training-mode pass on the first size's input (moving statistics start at 0, so after one
     * update with momentum m they hold m × the batch statistics), scales the regression head,
     * exports the SavedModel to {@code modelDir} and returns every model variable by name.
     */
    private Map<String, WeightDump.Array> buildWeights(Siggraph17Config cfg, Path modelDir, double[] outRegScale) {
        int size = options.sizes()[0];
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.TRAIN,
                    options.seed());
            Placeholder<TFloat32> l = store.tf().withName("l").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            Operand<TFloat32> ab = Siggraph17Net.build(store, l, cfg).ab();
            s.initialize();

            Random random = new Random(options.seed());
            Map<String, Tensor> start = new LinkedHashMap<>();
            for (ParameterStore.Entry<TFloat32> e : store.entries().values()) {
                String leaf = e.name().substring(e.name().lastIndexOf('/') + 1);
                float[] v = new float[Math.toIntExact(e.shape().size())];
                switch (leaf) {
                    case "gamma" -> fill(v, () -> 0.5 + random.nextDouble());
                    case "beta" -> fill(v, () -> 0.2 * random.nextGaussian());
                    case "bias" -> fill(v, () -> 0.05 * random.nextGaussian());
                    case "moving_mean", "moving_variance" -> Arrays.fill(v, 0f);
                    default -> {
                        continue; // weights keep their seeded He-normal values
                    }
                }
                start.put(e.name(), Tensors.of(e.shape(), v));
            }
            store.load(s, start, false);
            start.values().forEach(Tensor::close);

            Session.Runner calib = s.runner();
            try (TFloat32 input = Tensors.of(Shape.of(1, size, size, 1), inputPattern(size))) {
                calib.feed(l, input).fetch(ab);
                for (Op u : store.updates()) {
                    calib.addTarget(u);
                }
                float[] abTrain;
                try (Result r = calib.run()) {
                    abTrain = floats(r.get(0));
                }
                outRegScale[0] = PRE_TANH_STD / preTanhStd(abTrain);
            }

            Map<String, WeightDump.Array> weights;
            Map<String, Tensor> values = store.read(s, ParameterStore.MODEL);
            try {
                weights = WeightDump.fromTensors(values);
            } finally {
                values.values().forEach(Tensor::close);
            }
            for (WeightDump.Array a : weights.values()) {
                String name = a.name();
                double factor = name.endsWith("/moving_mean") || name.endsWith("/moving_variance") ? 1 / BatchNorm.MOMENTUM
                        : name.startsWith("out_reg/") ? outRegScale[0] : 1;
                float[] v = a.values();
                for (int i = 0; factor != 1 && i < v.length; i++) {
                    v[i] = (float) (v[i] * factor);
                }
            }
            Map<String, Tensor> finalValues = new LinkedHashMap<>();
            weights.forEach((k, a) -> finalValues.put(k, Tensors.of(Shape.of(a.shape()), a.values())));
            store.load(s, finalValues, true);
            finalValues.values().forEach(Tensor::close);
            SavedModelExport.exportSiggraph17(modelDir, s, cfg);
            return weights;
        }
    }

    /** Runs the inference graph in float64 on the {@code size} input and writes ab as raw float64. */
    private Float64Reference float64Reference(Siggraph17Config cfg, Map<String, WeightDump.Array> weights, int size)
            throws IOException {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat64> store = ParameterStore.create(g, TFloat64.class, ParameterStore.Mode.INFERENCE, 0);
            Placeholder<TFloat64> l = store.tf().withName("l").placeholder(TFloat64.class,
                    Placeholder.shape(Shape.of(1, size, size, 1)));
            Operand<TFloat64> ab = Siggraph17Net.build(store, l, cfg).ab();
            Map<String, Tensor> values = new LinkedHashMap<>();
            weights.forEach((k, a) -> values.put(k, Tensors.of(TFloat64.class, Shape.of(a.shape()), widen(a.values()))));
            store.load(s, values, true);
            values.values().forEach(Tensor::close);
            long t0 = System.nanoTime();
            double[] out;
            try (TFloat64 input = Tensors.of(TFloat64.class, Shape.of(1, size, size, 1), widen(inputPattern(size)));
                    Result r = s.runner().feed(l, input).fetch(ab).run()) {
                out = Tensors.values(r.get(0));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String file = "ab64_" + size + ".f64";
            ByteBuffer buf = ByteBuffer.allocate(out.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.asDoubleBuffer().put(out);
            Files.write(options.out().resolve(file), buf.array());
            log.printf(Locale.ROOT, "network %d² in float64 (reference): %.1f s%n", size, seconds);
            return new Float64Reference(size, file, seconds);
        }
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Standard deviation of atanh(ab/110), the regression head's pre-activation. */
    private static double preTanhStd(float[] ab) {
        double sum = 0;
        double sq = 0;
        for (float v : ab) {
            double x = Math.max(-0.999999, Math.min(0.999999, v / Siggraph17Net.AB_SCALE));
            double z = 0.5 * Math.log((1 + x) / (1 - x));
            sum += z;
            sq += z * z;
        }
        double n = ab.length;
        double std = Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n)));
        return std > 1e-6 ? std : 1;
    }

    private static void fill(float[] v, java.util.function.DoubleSupplier f) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) f.getAsDouble();
        }
    }

    private static float[] floats(Tensor t) {
        double[] d = Tensors.values(t);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** n×n·n×n float32 MatMul on two variables, in its own TF session (default thread pools). */
    static MatmulResult timeMatmul(int n, int warmup, int repeats) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 1);
            var a = store.parameter("a", Shape.of(n, n), Init.heNormal(n));
            var b = store.parameter("b", Shape.of(n, n), Init.heNormal(n));
            Operand<TFloat32> c = store.tf().linalg.matMul(a, b);
            s.initialize();
            double[] seconds = new double[repeats];
            for (int i = 0; i < warmup + repeats; i++) {
                long t0 = System.nanoTime();
                s.runner().addTarget(c).run().close();
                double sec = (System.nanoTime() - t0) / 1e9;
                if (i >= warmup) {
                    seconds[i - warmup] = sec;
                }
            }
            return new MatmulResult(n, seconds, median(seconds));
        }
    }

    private void writeCard(Path modelDir, int size) throws IOException {
        ModelCards.write(ModelCards.builder("siggraph17-random-w1")
                .version("bench-seed-" + options.seed())
                .kind(ModelCard.FULL_IMAGE)
                .component(ModelCard.FULL_IMAGE, c -> c.architecture("siggraph17-unet")
                        .input(SavedModelExport.INPUT, InputEncoding.L, size) // the graph normalizes (L − 50)/100 itself
                        .output(SavedModelExport.OUTPUT_AB, OutputEncoding.AB))
                .trainingData(new JsonPrimitive("none: fixed random weights for benchmarks (colors are meaningless)"))
                .license("none")
                .build(), modelDir);
    }

    private void writeResult(Outcome r) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("network", "SIGGRAPH17 width 1.0, regression head, 1 input channel, fixed random weights");
        o.addProperty("seed", options.seed());
        o.addProperty("parameters", r.parameters());
        o.addProperty("cores", Runtime.getRuntime().availableProcessors());
        o.addProperty("path", "SavedModel → DJL TensorFlow engine 2.10.1 (CPU) → ColorizationModel.predictAb");
        o.addProperty("tf_enable_onednn_opts", String.valueOf(System.getenv("TF_ENABLE_ONEDNN_OPTS")));
        o.addProperty("loadavg_before", r.loadBefore());
        o.addProperty("loadavg_after", r.loadAfter());
        o.addProperty("out_reg_scale", r.outRegScale());
        o.addProperty("model", MODEL_DIR);
        o.addProperty("weights", WEIGHTS_DIR);
        o.addProperty("warmup", options.warmup());
        JsonArray sizes = new JsonArray();
        for (SizeResult s : r.sizes()) {
            JsonObject e = new JsonObject();
            e.addProperty("size", s.size());
            e.addProperty("input", s.inputFile());
            e.addProperty("input_shape", "[1, " + s.size() + ", " + s.size() + ", 1] NHWC, L 0..100");
            e.addProperty("ab", s.abFile());
            e.addProperty("ab_shape", "[1, " + s.size() + ", " + s.size() + ", 2] NHWC, Lab units");
            e.addProperty("gflop", s.gflop());
            e.add("seconds", array(s.seconds()));
            e.addProperty("median_s", s.median());
            e.addProperty("min_s", Arrays.stream(s.seconds()).min().orElse(Double.NaN));
            e.addProperty("gflops", s.gflops());
            e.addProperty("ab_min", s.abMin());
            e.addProperty("ab_max", s.abMax());
            e.addProperty("ab_std", s.abStd());
            sizes.add(e);
        }
        o.add("sizes", sizes);
        JsonObject m = new JsonObject();
        m.addProperty("n", r.matmul().n());
        m.addProperty("gflop", r.matmul().gflop());
        m.add("seconds", array(r.matmul().seconds()));
        m.addProperty("median_s", r.matmul().median());
        m.addProperty("gflops", r.matmul().gflops());
        o.add("matmul", m);
        JsonObject f = new JsonObject();
        f.addProperty("size", r.float64().size());
        f.addProperty("ab", r.float64().abFile());
        f.addProperty("ab_shape", "[1, " + r.float64().size() + ", " + r.float64().size() + ", 2] NHWC, float64 little-endian");
        f.addProperty("seconds", r.float64().seconds());
        o.add("float64_reference", f);
        Files.writeString(options.out().resolve(RESULT_FILE), new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n",
                StandardCharsets.UTF_8);
    }

    /** The Java side's table (the full comparison table is printed by bench/run). */
    public void printTable(Outcome r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "SIGGRAPH17 width 1.0 (%,d parameters), TensorFlow 2.10 via DJL, %d cores, load %s → %s%n",
                r.parameters(), Runtime.getRuntime().availableProcessors(), r.loadBefore(), r.loadAfter());
        out.println("| what | GFLOP | median (s) | GFLOP/s | % of matmul |");
        out.println("|---|---|---|---|---|");
        for (SizeResult s : r.sizes()) {
            out.printf(Locale.ROOT, "| network %d² | %.1f | %.3f | %.1f | %.0f%% |%n", s.size(), s.gflop(), s.median(), s.gflops(),
                    100 * s.gflops() / r.matmul().gflops());
        }
        out.printf(Locale.ROOT, "| matmul %d³ | %.1f | %.3f | %.1f | 100%% |%n", r.matmul().n(), r.matmul().gflop(),
                r.matmul().median(), r.matmul().gflops());
        out.println("files for the PyTorch comparison: " + options.out());
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return b.append(']').toString();
    }

    /** The 1/5/15-minute load averages (Linux), or "?" elsewhere. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
