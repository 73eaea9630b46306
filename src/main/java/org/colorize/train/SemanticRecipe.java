package org.colorize.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.colorize.TrainException;
import org.colorize.color.AbGamut;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.HintInputs;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SemanticFusion;
import org.colorize.nn.SemanticSiggraph17Net;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The full-image network with the frozen COCO detector's features fused in
 * ({@link SemanticSiggraph17Net}, {@link SemanticFusion}); head, losses and decoding are those of
 * the {@code --head} recipe. The detector runs once per image when the run starts
 * ({@link SemanticFeatureCache}); every batch carries each crop's features as extra inputs. The
 * exported model folder holds the colorizer's SavedModel and, in {@value #DETECTOR_FOLDER}/, a copy
 * of the detector, so the model is complete on its own.
 */
final class SemanticRecipe implements TrainingRecipe {
    /** The model folder's subfolder holding the detector. */
    static final String DETECTOR_FOLDER = "detector";
    /** The detector's model folder name, looked up beside the output model. */
    static final String DETECTOR_MODEL = "coco-centernet";
    /**
     * The exported model runs at the training crop size. Run at 256² on whole images it was far
     * worse (validation PSNR 19.97 dB against 21.88 at 128², gray 20.94, after 136 steps): the
     * network, warm-started from one trained at 64², has not learned the larger scale.
     */
    private final FullImageRecipe head;
    private final SemanticFusion.Mode mode;
    private final Path detector;
    private final boolean hints;

    SemanticRecipe(FullImageRecipe head, SemanticFusion.Mode mode, Path detector) {
        this(head, mode, detector, false);
    }

    /** @param hints the network takes user hints ({@link HintInputs}), trained with simulated users ({@link HintSimulator}) */
    SemanticRecipe(FullImageRecipe head, SemanticFusion.Mode mode, Path detector, boolean hints) {
        if (mode == SemanticFusion.Mode.NONE) throw new IllegalArgumentException("a semantic recipe needs features");
        this.head = head;
        this.mode = mode;
        this.detector = detector;
        this.hints = hints;
    }

    /** The recipe of a run: the head's own, or with {@code --features} this one around it. */
    static TrainingRecipe of(double width, Head h, SemanticFusion.Mode mode, Path out) {
        return of(width, h, mode, false, out);
    }

    /** As {@link #of(double, Head, SemanticFusion.Mode, Path)}; {@code hints} adds the hint inputs. */
    static TrainingRecipe of(double width, Head h, SemanticFusion.Mode mode, boolean hints, Path out) {
        TrainingRecipe base = h.recipe(width);
        if (mode == SemanticFusion.Mode.NONE) {
            if (hints) throw new IllegalArgumentException("hints need detector features (--features)");
            return base;
        }
        return new SemanticRecipe((FullImageRecipe) base, mode, detectorFor(out), hints);
    }

    boolean hints() {
        return hints;
    }

    /** {@value #DETECTOR_MODEL} in the folder holding {@code out} (the models folder). */
    static Path detectorFor(Path out) {
        Path models = out.toAbsolutePath().normalize().getParent();
        return models.resolve(DETECTOR_MODEL);
    }

    SemanticFusion.Mode mode() {
        return mode;
    }

    @Override
    public String key() {
        return head.key();
    }

    @Override
    public String describe() {
        return head.describe() + ", detector features (" + mode.key() + ")"
                + (hints ? ", user hints (local points + global histogram, simulated users)" : "");
    }

    @Override
    public List<String> lossNames() {
        return head.lossNames();
    }

    @Override
    public BatchTargets targets(TrainingData data, JsonObject state, Consumer<String> log) {
        return head.targets(data, state, log);
    }

    @Override
    public CropFeatures cropFeatures(TrainingData data, Consumer<String> log, BooleanSupplier cancel) throws TrainException {
        if (!Files.isDirectory(detector)) {
            throw new TrainException("--features " + mode.key() + " needs the detector in " + detector
                    + " (scripts/fetch-detector makes it)");
        }
        List<RgbImage> images = Stream.concat(data.trainImages().stream(), data.validationImages().stream()).toList();
        CropFeatures f = SemanticFeatureCache.compute(detector, images, mode, log, cancel);
        return hints ? HintSimulator.around(f) : f;
    }

    @Override
    public Parts build(ParameterStore<TFloat32> store, TrainingInputs in, Ops lossOps) {
        Operand<TFloat32> s8 = mode.hypercolumns()
                ? in.feature(SemanticFusion.S8, SemanticFusion.S8_STRIDE, SemanticFusion.S8_CHANNELS) : null;
        Operand<TFloat32> s16 = in.feature(SemanticFusion.S16, SemanticFusion.S16_STRIDE, SemanticFusion.S16_CHANNELS);
        HintInputs.Operands<TFloat32> h = hints ? new HintInputs.Operands<>(in.feature(HintInputs.AB, 1, 2),
                in.feature(HintInputs.MASK, 1, 1), in.vector(HintInputs.GLOBAL, HintInputs.GLOBAL_CHANNELS)) : null;
        Siggraph17Net.Outputs<TFloat32> out = SemanticSiggraph17Net.build(store, in.l(), s8, s16, head.config(), mode, h);
        return new Parts(head.losses(lossOps, out, in), head.output(out));
    }

    @Override
    public OutputEncoding outputEncoding() {
        return head.outputEncoding();
    }

    @Override
    public AbGamut outputBins() {
        return head.outputBins();
    }

    @Override
    public double temperature() {
        return head.temperature();
    }

    @Override
    public void export(Path dir, Session trained) {
        SemanticSiggraph17Net.export(dir, trained, head.config(), mode, hints);
        try {
            copyTree(detector, dir.resolve(DETECTOR_FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the detector into " + dir, e);
        }
    }

    private static void copyTree(Path link, Path to) throws IOException {
        Path from = link.toRealPath();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @Override
    public List<String> modelVariableNames() {
        TfNatives.load();
        try (Graph g = new Graph()) {
            ParameterStore<TFloat32> p = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            Ops tf = p.tf();
            Placeholder<TFloat32> l = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            Placeholder<TFloat32> s8 = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, SemanticFusion.S8_CHANNELS)));
            Placeholder<TFloat32> s16 = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, SemanticFusion.S16_CHANNELS)));
            SemanticSiggraph17Net.build(p, l, s8, s16, head.config(), mode,
                    hints ? SemanticSiggraph17Net.hintPlaceholders(tf) : null);
            return List.copyOf(p.variables(ParameterStore.MODEL).keySet());
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s + %s%s", head.key(), mode.key(), hints ? " + hints" : "");
    }
}
