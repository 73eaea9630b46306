package org.colorize.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The conditional GAN of Cao et al. 2017 ("Unsupervised Diverse Colorization via Generative
 * Adversarial Networks"), written once for training and inference graphs.
 *
 * <p><b>Generator</b> ({@code generator/}): fully convolutional, stride 1 everywhere (no
 * down-sampling, so the chroma keeps the gray image's geometry); the normalized gray input
 * (L − 50)/100 is concatenated before every convolution, and the noise code z (a vector per image,
 * tiled over the grid) before each convolution of the first half of the layers. Each layer is 3×3
 * conv → batch norm → LeakyReLU 0.2; the head is a 1×1 conv to two channels, tanh (ab/110). Cao et
 * al. use plain 3×3 layers; this one dilates the middle layers (1, 2, 4, 8 …) so that a small
 * network at 64² sees a large part of the picture (stride stays 1). Batch norm, not instance norm:
 * instance norm would subtract exactly the spatially constant part a tiled code adds.
 *
 * <p><b>Prior</b> (optional, {@link Config#prior()}): the ab of a single-prediction model (the
 * default colorizer) joins the gray input before every convolution, and the head adds its output
 * to that prior (clipped to ±1 of ab/110) instead of producing ab from nothing. The small stride-1
 * generator cannot learn what objects are from a few hundred photos; the prior brings the semantic
 * model's knowledge, and the generator learns the plausible departures from it.
 *
 * <p><b>Discriminator</b> ({@code discriminator/}): a conditional patch critic on (gray, ab/110):
 * 4×4 stride-2 convs with LeakyReLU 0.2 and instance norm (per image, so real and fake halves of
 * one batch do not mix), then a 3×3 conv to one score per patch.
 */
public final class DiverseGanNet {
    /** Variable prefix of the generator (its optimizer's scope). */
    public static final String GENERATOR = "generator";
    /** Variable prefix of the discriminator (its optimizer's scope). */
    public static final String DISCRIMINATOR = "discriminator";
    private static final double SLOPE = 0.2;

    private DiverseGanNet() {}

    /**
     * Sizes.
     *
     * @param width     feature maps per generator layer
     * @param dilations one entry per generator layer (its dilation; 1 = a plain 3×3 conv)
     * @param noise     length of the noise code z
     * @param criticWidth feature maps of the discriminator's first layer (doubled per layer)
     * @param prior     whether the generator takes a single-prediction model's ab and refines it
     */
    public record Config(int width, int[] dilations, int noise, int criticWidth, boolean prior) {
        public Config {
            if (width < 1 || dilations.length < 2 || noise < 1 || criticWidth < 1) {
                throw new IllegalArgumentException("invalid GAN config");
            }
            dilations = dilations.clone();
        }

        /**
         * The shipped size, what two shared CPU cores train in minutes: 7 layers of 24 maps,
         * dilations 1 2 4 8 4 2 1 (a 63-pixel receptive field), an 8-number code, critic 16.
         */
        public static Config small() {
            return new Config(24, new int[] {1, 2, 4, 8, 4, 2, 1}, 8, 16, false);
        }

        /** This config with the single-prediction prior ({@link #prior()}) on or off. */
        public Config withPrior(boolean on) {
            return new Config(width, dilations, noise, criticWidth, on);
        }

        /** A tiny one for tests. */
        public static Config tiny() {
            return new Config(8, new int[] {1, 2, 1, 1}, 4, 8, false);
        }

        public int layers() {
            return dilations.length;
        }
    }

    /** The generator's outputs: tanh output ab/110 and ab in Lab units, [N, H, W, 2]. */
    public record Generated<T extends TFloating>(Operand<T> abNormalized, Operand<T> ab) {}

    /**
     * The generator on L (0…100, [N, H, W, 1]) and the noise code z ([N, 1, 1, noise]).
     *
     * @param p the store (its {@code generator/} variables are created or reused)
     */
    public static <T extends TFloating> Generated<T> generator(ParameterStore<T> p, Operand<T> l, Operand<T> z, Config cfg) {
        if (cfg.prior()) throw new IllegalArgumentException("this generator takes a prior: pass its ab");
        return generator(p, l, z, null, cfg);
    }

    /**
     * The generator on L (0…100, [N, H, W, 1]), the noise code z ([N, 1, 1, noise]) and, for a
     * {@linkplain Config#prior() prior} config, the prior's ab/110 ([N, H, W, 2]; else null).
     */
    public static <T extends TFloating> Generated<T> generator(ParameterStore<T> p, Operand<T> l, Operand<T> z,
            Operand<T> priorAbNormalized, Config cfg) {
        if (cfg.prior() != (priorAbNormalized != null)) {
            throw new IllegalArgumentException(cfg.prior() ? "this generator needs the prior's ab" : "this generator takes no prior");
        }
        ParameterStore<T> g = p.under(GENERATOR);
        Ops tf = g.tf("input");
        // the condition joins every convolution: gray, and the prior's ab where there is one
        Operand<T> gray = normalizedL(tf, l, p);
        Operand<T> condition = priorAbNormalized == null ? gray : Spatial.concat(tf, List.of(gray, priorAbNormalized));
        Operand<T> noise = Spatial.tileOver(tf, z, gray);
        Operand<T> x = null;
        for (int i = 0; i < cfg.layers(); i++) {
            List<Operand<T>> parts = new ArrayList<>();
            if (x != null) parts.add(x);
            parts.add(condition);
            // Cao et al.: noise joins the first half of the layers
            if (i < (cfg.layers() + 1) / 2) parts.add(noise);
            String name = "conv" + (i + 1);
            Operand<T> in = Spatial.concat(g.tf(name), parts);
            Conv2d.Spec spec = Conv2d.Spec.of(cfg.width(), 3).withDilation(cfg.dilations()[i]).withoutBias();
            Operand<T> y = Conv2d.apply(g, name, in, spec);
            y = BatchNorm.apply(g, name + "_norm", y);
            x = Activations.leakyRelu(g.tf(name), y, SLOPE);
        }
        Operand<T> head = Conv2d.apply(g, "out", Spatial.concat(g.tf("out"), List.of(x, condition)), Conv2d.Spec.of(2, 1));
        Ops out = g.tf("out");
        Operand<T> abNorm = Activations.tanh(out, head);
        if (priorAbNormalized != null) {
            // clipped with minimum/maximum: TF has no gradient for ClipByValue (DESIGN.md §2)
            abNorm = out.math.maximum(out.math.minimum(out.math.add(priorAbNormalized, abNorm), p.scalar(1)), p.scalar(-1));
        }
        return new Generated<>(abNorm, out.math.mul(abNorm, p.scalar(Siggraph17Net.AB_SCALE)));
    }

    /**
     * Patch scores of the discriminator for (L, ab/110) pairs, [N, H/8, W/8, 1]; higher = more real.
     * Call it once per graph on the real and fake halves concatenated along the batch.
     */
    public static <T extends TFloating> Operand<T> discriminator(ParameterStore<T> p, Operand<T> l, Operand<T> abNormalized,
            Config cfg) {
        ParameterStore<T> d = p.under(DISCRIMINATOR);
        Ops tf = d.tf("input");
        Operand<T> x = Spatial.concat(tf, List.of(normalizedL(tf, l, p), abNormalized));
        int c = cfg.criticWidth();
        for (int i = 0; i < 3; i++) {
            String name = "conv" + (i + 1);
            x = Conv2d.apply(d, name, x, new Conv2d.Spec(c << i, 4, 2, 1, 1, true));
            if (i > 0) x = InstanceNorm.apply(d, name + "_norm", x, true);
            x = Activations.leakyRelu(d.tf(name), x, SLOPE);
        }
        return Conv2d.apply(d, "score", x, Conv2d.Spec.of(1, 3));
    }

    static <T extends TFloating> Operand<T> normalizedL(Ops tf, Operand<T> l, ParameterStore<T> p) {
        return tf.math.div(tf.math.sub(l, p.scalar(Siggraph17Net.L_CENTER)), p.scalar(Siggraph17Net.L_SCALE));
    }
}
