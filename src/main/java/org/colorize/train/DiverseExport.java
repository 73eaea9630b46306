package org.colorize.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.nn.ColorVaeNet;
import org.colorize.nn.DiverseGanNet;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The inference SavedModels of the diverse networks (batch norm on moving statistics, no optimizer
 * state, no critic, no color encoder), from a run's weights. The code is a named signature input,
 * so a sample is a pure function of (L, code) and the sampler's seed decides the code.
 * <ul>
 *   <li>GAN: {@code l} [N, H, W, 1] (L 0…100) and {@code z} [N, 1, 1, noise] (and, refining a prior,
 *       {@code prior} [N, H, W, 2], its ab/110) → {@code ab} [N, H, W, 2].</li>
 *   <li>VAE: the decoder in the model folder, {@code l} and {@code z} [N, 1, 1, D] → {@code ab}; the
 *       MDN in {@value #MDN_FOLDER}/, {@code l} → {@code mixture_logits} [N, K] and
 *       {@code mixture_means} [N, K, D].</li>
 * </ul>
 */
public final class DiverseExport {
    /** The code input's name. */
    public static final String CODE = "z";
    /** The GAN's prior input: a single-prediction model's ab/110 ({@code PRIOR_AB}), [N, H, W, 2]. */
    public static final String PRIOR = "prior";
    public static final String MDN_FOLDER = "mdn";
    public static final String MIXTURE_LOGITS = "mixture_logits";
    public static final String MIXTURE_MEANS = "mixture_means";

    private DiverseExport() {}

    /** Writes the generator's SavedModel into {@code dir} (which must not exist). */
    public static void gan(Path dir, Map<String, Tensor> weights, DiverseGanNet.Config cfg) {
        graph(dir, weights, store -> {
            Placeholder<TFloat32> l = lightness(store);
            Placeholder<TFloat32> z = store.tf().withName(CODE).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, 1, 1, cfg.noise())));
            Placeholder<TFloat32> prior = cfg.prior() ? store.tf().withName(PRIOR).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, 2))) : null;
            DiverseGanNet.Generated<TFloat32> g = DiverseGanNet.generator(store, l, z, prior, cfg);
            Signature.Builder sig = Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l).input(CODE, z);
            if (prior != null) sig.input(PRIOR, prior);
            return sig.output(SavedModelExport.OUTPUT_AB, g.ab()).build();
        });
    }

    /** Writes the decoder's SavedModel into {@code dir} and the MDN's into {@code dir/mdn}. */
    public static void vae(Path dir, Map<String, Tensor> weights, ColorVaeNet.Config cfg) {
        graph(dir, weights, store -> {
            Placeholder<TFloat32> l = lightness(store);
            Placeholder<TFloat32> z = store.tf().withName(CODE).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, 1, 1, cfg.latent())));
            ColorVaeNet.GrayFeatures<TFloat32> gray = ColorVaeNet.gray(store, l, cfg);
            var abNorm = ColorVaeNet.decoder(store, gray, z, cfg);
            var ab = store.tf().withName("ab_out").math.mul(abNorm, store.scalar(org.colorize.nn.Siggraph17Net.AB_SCALE));
            return Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l).input(CODE, z)
                    .output(SavedModelExport.OUTPUT_AB, ab).build();
        });
        graph(dir.resolve(MDN_FOLDER), weights, store -> {
            Placeholder<TFloat32> l = lightness(store);
            ColorVaeNet.GrayFeatures<TFloat32> gray = ColorVaeNet.gray(store, l, cfg);
            ColorVaeNet.Mixture<TFloat32> m = ColorVaeNet.mdn(store, gray, cfg);
            return Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l)
                    .output(MIXTURE_LOGITS, m.logits()).output(MIXTURE_MEANS, m.means()).build();
        });
    }

    /** Parameters whose name starts with one of {@code prefixes}. */
    static long parameters(Map<String, Tensor> weights, List<String> prefixes) {
        return weights.entrySet().stream().filter(e -> prefixes.stream().anyMatch(e.getKey()::startsWith)
                && !e.getKey().endsWith("moving_mean") && !e.getKey().endsWith("moving_variance"))
                .mapToLong(e -> e.getValue().shape().size()).sum();
    }

    private static Placeholder<TFloat32> lightness(ParameterStore<TFloat32> store) {
        return store.tf().withName(SavedModelExport.INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
    }

    /** An inference graph with only the variables it uses, filled from {@code weights} by name. */
    private static void graph(Path dir, Map<String, Tensor> weights, SavedModelExport.InferenceGraph build) {
        if (Files.exists(dir)) throw new IllegalArgumentException("export directory exists already: " + dir);
        TfNatives.load();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            Signature signature = build.build(store);
            store.load(s, weights, true);
            SavedModelBundle.exporter(dir.toString()).withSession(s).withSignature(signature).export();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export SavedModel to " + dir, e);
        }
    }
}
