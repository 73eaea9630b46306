package org.colorize.model;

import org.colorize.runtime.TensorFlowRuntime;

import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.colorize.ColorizeException;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Tiny SavedModels built in Java with TensorFlow ops for the tests: a 3×3 conv stack from L to
 * ab with fixed pseudo-random weights, and deliberately broken variants. Built once per JVM.
 */
public final class TinyModels {
    private static Path root;

    private TinyModels() {
    }

    /** A working regression model: ab = 110 · tanh(conv(relu(conv(l)))) with output "ab". */
    public static synchronized Path regression() {
        return build("tiny-regression", 1, 2, "ab", OutputEncoding.AB_OVER_110, 64);
    }

    /** Signature input with 3 channels: must be refused. */
    public static synchronized Path wrongInput() {
        return build("tiny-wrong-input", 3, 2, "ab", OutputEncoding.AB_OVER_110, 64);
    }

    /** Output with 5 channels while the card says ab: must be refused. */
    public static synchronized Path wrongOutput() {
        return build("tiny-wrong-output", 1, 5, "ab", OutputEncoding.AB_OVER_110, 64);
    }

    /** A distribution model: logits over the 313 ab bins, output "ab_logits". */
    public static synchronized Path distribution() {
        return build("tiny-distribution", 1, 313, "ab_logits", OutputEncoding.AB_BINS_LOGITS, 64);
    }

    /** A folder holding an empty copy of the models root, for "nothing installed". */
    public static synchronized Path emptyRoot() {
        try {
            return Files.createDirectories(root().resolve("empty-root"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized Path root() {
        if (root == null) {
            try {
                root = org.colorize.testing.SharedTempRoot.create("colorize-tiny-models");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** Copies a model folder to a new place in the test root (to break it without touching the original). */
    public static Path copy(Path model, String name) throws IOException {
        return copyInto(model, root().resolve(name));
    }

    /** Copies a model folder to {@code target}. */
    public static Path copyInto(Path model, Path target) throws IOException {
        try (var files = Files.walk(model)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(model.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
        return target;
    }

    private static Path build(String name, int inChannels, int outChannels, String outputName, OutputEncoding encoding, int size) {
        Path dir = root().resolve(name);
        if (Files.isDirectory(dir)) return dir;
        try {
            TensorFlowRuntime.engine();
        } catch (ColorizeException e) {
            throw new IllegalStateException(e);
        }
        Random random = new Random(42);
        int hidden = 8;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> l = tf.withName("l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, inChannels)));
            Variable<TFloat32> w1 = tf.withName("conv1_weight").variable(tf.constant(weights(random, 3, 3, inChannels, hidden, 1.5f)));
            Variable<TFloat32> w2 = tf.withName("conv2_weight").variable(tf.constant(weights(random, 3, 3, hidden, outChannels, 0.8f)));
            var h = tf.nn.relu(tf.nn.conv2d(l, w1, List.of(1L, 1L, 1L, 1L), "SAME"));
            var logits = tf.nn.conv2d(h, w2, List.of(1L, 1L, 1L, 1L), "SAME");
            // Logits scaled up so the bin distribution is peaked enough for a low temperature to show.
            var out = outChannels == 313 ? tf.withName(outputName).math.mul(logits, tf.constant(50f)) : tf.withName(outputName).math.tanh(logits);
            s.initialize();
            SavedModelBundle.exporter(dir.toString()).withSession(s)
                    .withSignature(Signature.builder().key("serving_default").input("l", l).output(outputName, out).build())
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeCard(dir, name, outputName, encoding, size);
        return dir;
    }

    static void writeCard(Path dir, String name, String outputName, OutputEncoding encoding, int size) {
        ModelCard card = ModelCards.builder(name)
                .version("0.0.1-test")
                .component(ModelCard.FULL_IMAGE, c -> c.architecture("tiny-conv (test fixture, untrained)")
                        .input("l", InputEncoding.L_CENTERED, size).output(outputName, encoding))
                .trainingData(new JsonPrimitive("none (fixed pseudo-random weights)"))
                .license("MIT")
                .build();
        try {
            ModelCards.write(card, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[][][][] weights(Random random, int kh, int kw, int in, int out, float scale) {
        float[][][][] w = new float[kh][kw][in][out];
        float std = scale / (float) Math.sqrt(kh * kw * in);
        for (float[][][] a : w) for (float[][] b : a) for (float[] c : b) for (int o = 0; o < out; o++) c[o] = (float) random.nextGaussian() * std;
        return w;
    }
}
