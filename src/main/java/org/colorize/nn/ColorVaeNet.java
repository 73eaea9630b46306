package org.colorize.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * A variational autoencoder over ab color fields with a mixture density network over its latent
 * code, after Deshpande et al. 2017 ("Learning Diverse Image Colorization", divcolor), written once
 * for training and inference graphs.
 *
 * <ul>
 *   <li><b>Gray encoder</b> ({@code vae/gray/}): L → feature maps at 1, 1/2, 1/4 and 1/8 of the
 *       input (3×3 convs, stride 2 between scales, ReLU then batch norm): the decoder's skip
 *       features and the MDN's input.</li>
 *   <li><b>Color encoder</b> ({@code vae/encoder/}): (L, ab/110) → stride-2 convs → global mean →
 *       1×1 convs to μ and log σ² of the latent z ([N, 1, 1, D]); only used in training.</li>
 *   <li><b>Decoder</b> ({@code vae/decoder/}): z tiled over the 1/8 gray features (and again at 1/4),
 *       transposed convs up to full size with the gray features of each scale concatenated, a 1×1
 *       conv to two channels, tanh (ab/110). Fully convolutional: any size that is a multiple of 8.</li>
 *   <li><b>MDN</b> ({@code mdn/}): from the 1/8 gray features (gradient stopped: the MDN fits the
 *       code, it does not shape the encoder) → two stride-2 convs → global mean → K mixture
 *       weights (logits) and K means over z; the components' σ is fixed ({@link #MDN_SIGMA}) as in
 *       divcolor.</li>
 * </ul>
 * Deshpande et al. decode at 64² from a 64-d code with a 512-wide encoder; this one is narrower so
 * that it trains on two CPU cores.
 */
public final class ColorVaeNet {
    /** Variable prefix of the VAE (gray encoder, color encoder, decoder): one optimizer. */
    public static final String VAE = "vae";
    /** Variable prefix of the mixture density network: its own optimizer. */
    public static final String MDN = "mdn";
    /** divcolor's fixed standard deviation of every mixture component. */
    public static final double MDN_SIGMA = 0.1;
    /** Input sides must be a multiple of this (three stride-2 steps). */
    public static final int SIZE_MULTIPLE = 8;

    private ColorVaeNet() {}

    /**
     * Sizes.
     *
     * @param width    feature maps at full resolution (×2 at 1/2, ×4 at 1/4 and 1/8)
     * @param latent   length D of the code z
     * @param mixtures number K of Gaussians of the MDN
     */
    public record Config(int width, int latent, int mixtures) {
        public Config {
            if (width < 1 || latent < 1 || mixtures < 1) throw new IllegalArgumentException("invalid VAE config");
        }

        /** The shipped size: width 16, a 16-number code, 8 Gaussians (divcolor's K). */
        public static Config small() {
            return new Config(16, 16, 8);
        }

        /** A tiny one for tests. */
        public static Config tiny() {
            return new Config(4, 4, 3);
        }
    }

    /** The gray encoder's maps at 1, 1/2, 1/4, 1/8. */
    public record GrayFeatures<T extends TFloating>(Operand<T> s1, Operand<T> s2, Operand<T> s4, Operand<T> s8) {}

    /** The posterior q(z | L, ab): mean and log variance, [N, 1, 1, D]. */
    public record Posterior<T extends TFloating>(Operand<T> mean, Operand<T> logVariance) {}

    /** The MDN's mixture: {@code logits} [N, K], {@code means} [N, K, D]. */
    public record Mixture<T extends TFloating>(Operand<T> logits, Operand<T> means) {}

    /** The gray encoder on L (0…100, [N, H, W, 1]). */
    public static <T extends TFloating> GrayFeatures<T> gray(ParameterStore<T> p, Operand<T> l, Config cfg) {
        ParameterStore<T> g = p.under(VAE).under("gray");
        Operand<T> x = DiverseGanNet.normalizedL(g.tf("input"), l, p);
        int w = cfg.width();
        Operand<T> s1 = block(g, "conv1", x, w, 1);
        Operand<T> s2 = block(g, "conv2", s1, 2 * w, 2);
        Operand<T> s4 = block(g, "conv3", s2, 4 * w, 2);
        Operand<T> s8 = block(g, "conv4", s4, 4 * w, 2);
        return new GrayFeatures<>(s1, s2, s4, s8);
    }

    /** The color encoder on L and the true ab/110. */
    public static <T extends TFloating> Posterior<T> encoder(ParameterStore<T> p, Operand<T> l, Operand<T> abNormalized,
            Config cfg) {
        ParameterStore<T> e = p.under(VAE).under("encoder");
        Ops tf = e.tf("input");
        Operand<T> x = Spatial.concat(tf, List.of(DiverseGanNet.normalizedL(tf, l, p), abNormalized));
        int w = cfg.width();
        x = block(e, "conv1", x, w, 2);
        x = block(e, "conv2", x, 2 * w, 2);
        x = block(e, "conv3", x, 4 * w, 2);
        Operand<T> pooled = globalMean(e.tf("pool"), x);
        Operand<T> mean = Conv2d.apply(e, "mean", pooled, Conv2d.Spec.of(cfg.latent(), 1));
        Operand<T> logVar = Conv2d.apply(e, "log_variance", pooled, Conv2d.Spec.of(cfg.latent(), 1));
        return new Posterior<>(mean, logVar);
    }

    /** The decoder: ab/110 [N, H, W, 2] from the gray features and a code z [N, 1, 1, D]. */
    public static <T extends TFloating> Operand<T> decoder(ParameterStore<T> p, GrayFeatures<T> gray, Operand<T> z, Config cfg) {
        ParameterStore<T> d = p.under(VAE).under("decoder");
        int w = cfg.width();
        Ops tf = d.tf("input");
        Operand<T> x = Spatial.concat(tf, List.of(gray.s8(), Spatial.tileOver(tf, z, gray.s8())));
        x = block(d, "conv8", x, 4 * w, 1);
        x = up(d, "up4", x, 4 * w);
        Ops tf4 = d.tf("join4");
        x = block(d, "conv4", Spatial.concat(tf4, List.of(x, gray.s4(), Spatial.tileOver(tf4, z, gray.s4()))), 4 * w, 1);
        x = up(d, "up2", x, 2 * w);
        x = block(d, "conv2", Spatial.concat(d.tf("join2"), List.of(x, gray.s2())), 2 * w, 1);
        x = up(d, "up1", x, w);
        x = block(d, "conv1", Spatial.concat(d.tf("join1"), List.of(x, gray.s1())), w, 1);
        Operand<T> head = Conv2d.apply(d, "out", x, Conv2d.Spec.of(2, 1));
        return Activations.tanh(d.tf("out"), head);
    }

    /** The MDN over z from the gray features. */
    public static <T extends TFloating> Mixture<T> mdn(ParameterStore<T> p, GrayFeatures<T> gray, Config cfg) {
        ParameterStore<T> m = p.under(MDN);
        Ops tf = m.tf("input");
        int w = cfg.width();
        Operand<T> x = tf.stopGradient(gray.s8());
        x = Activations.relu(m.tf("conv1"), Conv2d.apply(m, "conv1", x, Conv2d.Spec.of(4 * w, 3).withStride(2)));
        x = Activations.relu(m.tf("conv2"), Conv2d.apply(m, "conv2", x, Conv2d.Spec.of(4 * w, 3).withStride(2)));
        Operand<T> pooled = globalMean(m.tf("pool"), x);
        Operand<T> hidden = Activations.relu(m.tf("fc"), Conv2d.apply(m, "fc", pooled, Conv2d.Spec.of(8 * w, 1)));
        Operand<T> logits = Conv2d.apply(m, "logits", hidden, Conv2d.Spec.of(cfg.mixtures(), 1));
        Operand<T> means = Conv2d.apply(m, "means", hidden, Conv2d.Spec.of(cfg.mixtures() * cfg.latent(), 1));
        Ops out = m.tf("out");
        return new Mixture<>(out.reshape(logits, out.constant(new long[] {-1, cfg.mixtures()})),
                out.reshape(means, out.constant(new long[] {-1, cfg.mixtures(), cfg.latent()})));
    }

    /** 3×3 conv (stride {@code stride}) → ReLU → batch norm. */
    private static <T extends TFloating> Operand<T> block(ParameterStore<T> p, String name, Operand<T> x, int out, int stride) {
        Conv2d.Spec spec = Conv2d.Spec.of(out, 3);
        if (stride != 1) spec = spec.withStride(stride);
        Operand<T> y = Activations.relu(p.tf(name), Conv2d.apply(p, name, x, spec));
        return BatchNorm.apply(p, name + "_norm", y);
    }

    /** The k4 s2 transposed conv of the U-Nets → ReLU. */
    private static <T extends TFloating> Operand<T> up(ParameterStore<T> p, String name, Operand<T> x, int out) {
        return Activations.relu(p.tf(name), TransposedConv2d.apply(p, name, x, out));
    }

    private static <T extends TFloating> Operand<T> globalMean(Ops tf, Operand<T> x) {
        Operand<TInt32> hw = tf.constant(new int[] {1, 2});
        return tf.math.mean(x, hw, Mean.keepDims(true));
    }
}
