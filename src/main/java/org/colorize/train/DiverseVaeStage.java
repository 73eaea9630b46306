package org.colorize.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.nn.Adam;
import org.colorize.nn.ColorVaeNet;
import org.colorize.nn.Losses;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Deshpande et al.'s VAE + MDN as one alternating stage: the VAE's Adam ({@code vae/}: gray
 * encoder, color encoder, decoder) minimizes smooth-L1 reconstruction of ab/110 (InstColorization's
 * δ; divcolor weights an L2 by inverse color priors) plus β·KL of the posterior to N(0, I) with the
 * reparameterized code z = μ + σ·ε; then the MDN's Adam ({@code mdn/}) minimizes the mixture's
 * negative log-likelihood of the posterior means (gradient stopped), σ fixed at
 * {@link ColorVaeNet#MDN_SIGMA}. divcolor trains the MDN after the VAE; here both learn each step,
 * the MDN chasing the codes as they form.
 */
final class DiverseVaeStage implements StageRecipe {
    static final String VAE_LOSS = "vae_total";
    static final String RECON = "reconstruction";
    static final String KL = "kl";
    static final String MDN_NLL = "mdn_nll";
    /** β of the KL term (per image, summed over the code) against the per-pixel reconstruction. */
    static final double KL_WEIGHT = 1e-3;

    private final ColorVaeNet.Config config;
    private final DiverseCrops crops;

    DiverseVaeStage(ColorVaeNet.Config config, DiverseCrops crops) {
        this.config = config;
        this.crops = crops;
    }

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "vae: divcolor VAE (width %d, code %d) + MDN (%d Gaussians, σ %s), smooth-L1 + %s·KL,"
                + " on %s", config.width(), config.latent(), config.mixtures(), ColorVaeNet.MDN_SIGMA, KL_WEIGHT, crops.describe());
    }

    @Override
    public ParameterStore.Mode mode() {
        return ParameterStore.Mode.TRAIN;
    }

    @Override
    public Adam.Scope scope() {
        return new Adam.Scope("adam_vae", ColorVaeNet.VAE + "/");
    }

    @Override
    public Built build(ParameterStore<TFloat32> store) {
        Ops tf = store.tf();
        Placeholder<TFloat32> l = tf.withName("l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        Placeholder<TFloat32> ab = tf.withName("ab_target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2)));
        Placeholder<TFloat32> eps = tf.withName("eps").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, 1, 1, config.latent())));
        ColorVaeNet.GrayFeatures<TFloat32> gray = ColorVaeNet.gray(store, l, config);
        ColorVaeNet.Posterior<TFloat32> post = ColorVaeNet.encoder(store, l, ab, config);
        Ops lt = tf.withSubScope("loss");
        Operand<TFloat32> sigma = lt.math.exp(lt.math.mul(post.logVariance(), store.scalar(0.5)));
        Operand<TFloat32> z = lt.math.add(post.mean(), lt.math.mul(sigma, eps));
        Operand<TFloat32> pred = ColorVaeNet.decoder(store, gray, z, config);
        ColorVaeNet.Mixture<TFloat32> mixture = ColorVaeNet.mdn(store, gray, config);
        Operand<TFloat32> recon = Losses.smoothL1(lt, pred, ab, Losses.INSTCOLORIZATION_DELTA);
        Operand<TFloat32> kl = Losses.gaussianKl(lt, post.mean(), post.logVariance());
        Operand<TFloat32> vae = lt.math.add(recon, lt.math.mul(kl, store.scalar(KL_WEIGHT)));
        Operand<TFloat32> nll = Losses.mixtureNll(lt, mixture.logits(), mixture.means(), lt.stopGradient(post.mean()),
                ColorVaeNet.MDN_SIGMA);
        List<Objective> objectives = List.of(new Objective("vae", vae, scope()),
                new Objective("mdn", nll, new Adam.Scope("adam_mdn", ColorVaeNet.MDN + "/")));
        Map<String, Operand<TFloat32>> reported = new LinkedHashMap<>();
        reported.put(VAE_LOSS, vae);
        reported.put(RECON, recon);
        reported.put(KL, kl);
        reported.put(MDN_NLL, nll);
        int d = config.latent();
        Feeder feeder = (runner, random) -> {
            Batch b = crops.next(random);
            int n = b.count();
            Tensor tl = Tensors.of(Shape.of(n, b.size(), b.size(), 1), b.l());
            Tensor tab = Tensors.of(Shape.of(n, b.size(), b.size(), 2), b.ab());
            Tensor te = Tensors.of(Shape.of(n, 1, 1, d), DiverseGanStage.gaussian(random, n * d));
            runner.feed(l, tl).feed(ab, tab).feed(eps, te);
            return List.of(tl, tab, te);
        };
        return new Built(vae, feeder, objectives, reported);
    }
}
