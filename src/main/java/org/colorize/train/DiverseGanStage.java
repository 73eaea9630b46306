package org.colorize.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.colorize.nn.Adam;
import org.colorize.nn.DiverseGanNet;
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
 * Cao et al.'s conditional GAN as one alternating stage: each step the discriminator's Adam
 * minimizes the hinge loss on real (L, ab) against generated pairs, then the generator's Adam
 * minimizes the hinge generator loss plus a small L1 reconstruction term (Cao et al. train with
 * the adversarial loss alone; the L1 term keeps a short run near the data) plus MSGAN's
 * mode-seeking term (Mao et al. 2019) over the first two of a picture's codes, against the mode
 * collapse that makes a conditional GAN ignore its noise. Each picture gets {@code samples}
 * codes (at least two) per step; the critic sees all of them.
 */
final class DiverseGanStage implements StageRecipe {
    /** Loss names as logged and recorded in the card. */
    static final String D_LOSS = "d_hinge";
    static final String G_LOSS = "g_total";
    static final String G_ADV = "g_hinge";
    static final String L1 = "l1";
    static final String MODE_SEEKING = "mode_seeking";

    /**
     * Weights of the generator's terms.
     *
     * @param l1          the reconstruction term (L1 on ab/110)
     * @param modeSeeking MSGAN's term
     * @param closestOnly whether the reconstruction counts only the closest of a picture's samples
     *                    ({@link Losses#l1Closest}) instead of their mean
     * @param relaxation  with {@code closestOnly}: the share ε of the mean over all samples in the
     *                    reconstruction, (1 − ε)·closest + ε·mean — the relaxed winner-takes-all of
     *                    Rupprecht et al. 2017, so samples that are never the closest are still
     *                    pulled toward the data instead of drifting (0: the closest alone)
     */
    record Weights(double l1, double modeSeeking, boolean closestOnly, double relaxation) {
        Weights {
            // the range is Losses.l1RelaxedClosest's to check
            if (relaxation > 0 && !closestOnly) throw new IllegalArgumentException("relaxation is for the closest-sample reconstruction");
        }

        Weights(double l1, double modeSeeking, boolean closestOnly) {
            this(l1, modeSeeking, closestOnly, 0);
        }

        static Weights defaults() {
            return new Weights(5, 0.03, false);
        }
    }

    /** Codes per picture and step by default: the pair the mode-seeking term needs. */
    static final int DEFAULT_SAMPLES = 2;

    private final DiverseGanNet.Config config;
    private final DiverseCrops crops;
    private final Weights weights;
    private final int samples;

    DiverseGanStage(DiverseGanNet.Config config, DiverseCrops crops, Weights weights) {
        this(config, crops, weights, DEFAULT_SAMPLES);
    }

    DiverseGanStage(DiverseGanNet.Config config, DiverseCrops crops, Weights weights, int samples) {
        if (samples < 2) throw new IllegalArgumentException("the GAN needs at least 2 samples per picture, was " + samples);
        this.config = config;
        this.crops = crops;
        this.weights = weights;
        this.samples = samples;
    }

    @Override
    public String name() {
        return "gan";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "gan: Cao et al. generator (%d layers of %d, code %d%s) + patch critic %d, hinge loss,"
                + " %d samples per picture, L1%s × %s, mode seeking × %s, on %s", config.layers(), config.width(), config.noise(),
                config.prior() ? ", refining the prior's ab" : "", config.criticWidth(), samples,
                weights.closestOnly() ? (samples == 2 ? " (closer of two samples" : " (closest sample")
                        + (weights.relaxation() > 0 ? String.format(Locale.ROOT, ", relaxed ε %s)", weights.relaxation()) : ")") : "",
                weights.l1(), weights.modeSeeking(), crops.describe());
    }

    @Override
    public ParameterStore.Mode mode() {
        return ParameterStore.Mode.TRAIN;
    }

    @Override
    public Adam.Scope scope() {
        return new Adam.Scope("adam_g", DiverseGanNet.GENERATOR + "/");
    }

    @Override
    public Built build(ParameterStore<TFloat32> store) {
        Ops tf = store.tf();
        Shape any = Shape.of(-1, -1, -1, 1);
        Placeholder<TFloat32> l = tf.withName("l").placeholder(TFloat32.class, Placeholder.shape(any));
        Placeholder<TFloat32> ab = tf.withName("ab_target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2)));
        Shape code = Shape.of(-1, 1, 1, config.noise());
        List<Placeholder<TFloat32>> z = new java.util.ArrayList<>();
        for (int k = 1; k <= samples; k++) z.add(tf.withName("z" + k).placeholder(TFloat32.class, Placeholder.shape(code)));
        if (config.prior() != crops.hasPriors()) {
            throw new IllegalArgumentException(config.prior() ? "a generator with a prior needs the prior's crops" : "crops with priors for a generator without one");
        }
        Placeholder<TFloat32> prior = config.prior()
                ? tf.withName(DiverseCrops.PRIOR_AB).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2))) : null;
        DiverseGanNet.Generated<TFloat32> g = DiverseGanNet.generator(store, repeated(tf, l, samples), tf.concat(new java.util.ArrayList<Operand<TFloat32>>(z), tf.constant(0)),
                prior == null ? null : repeated(tf, prior, samples), config);
        Ops lt = tf.withSubScope("loss");
        List<org.tensorflow.Output<TFloat32>> fakes = lt.split(lt.constant(0), g.abNormalized(), (long) samples).output();
        List<Operand<TFloat32>> criticAb = new java.util.ArrayList<>();
        criticAb.add(ab);
        criticAb.addAll(fakes);
        Operand<TFloat32> scores = DiverseGanNet.discriminator(store, repeated(tf, l, samples + 1), tf.concat(criticAb, tf.constant(0)),
                config);
        List<org.tensorflow.Output<TFloat32>> parts = lt.split(lt.constant(0), scores, (long) samples + 1).output();
        Operand<TFloat32> fakeScores = lt.concat(new java.util.ArrayList<Operand<TFloat32>>(parts.subList(1, parts.size())), lt.constant(0));
        Operand<TFloat32> dLoss = Losses.hingeCritic(lt, parts.get(0), fakeScores);
        Operand<TFloat32> gAdv = Losses.hingeGenerator(lt, fakeScores);
        Operand<TFloat32> l1 = weights.closestOnly() ? Losses.l1RelaxedClosest(lt, fakes, ab, weights.relaxation())
                : Losses.l1Mean(lt, fakes, ab);
        Operand<TFloat32> ms = Losses.modeSeeking(lt, fakes.get(0), fakes.get(1), z.get(0), z.get(1));
        Operand<TFloat32> gLoss = lt.math.add(gAdv, lt.math.add(lt.math.mul(l1, store.scalar(weights.l1())),
                lt.math.mul(ms, store.scalar(weights.modeSeeking()))));
        List<Objective> objectives = List.of(
                new Objective("discriminator", dLoss, new Adam.Scope("adam_d", DiverseGanNet.DISCRIMINATOR + "/")),
                new Objective("generator", gLoss, scope()));
        Map<String, Operand<TFloat32>> reported = new LinkedHashMap<>();
        reported.put(G_LOSS, gLoss);
        reported.put(D_LOSS, dLoss);
        reported.put(G_ADV, gAdv);
        reported.put(L1, l1);
        reported.put(MODE_SEEKING, ms);
        int noise = config.noise();
        Feeder feeder = (runner, random) -> {
            Batch b = crops.next(random);
            int n = b.count();
            Tensor tl = Tensors.of(Shape.of(n, b.size(), b.size(), 1), b.l());
            Tensor tab = Tensors.of(Shape.of(n, b.size(), b.size(), 2), b.ab());
            runner.feed(l, tl).feed(ab, tab);
            List<Tensor> made = new java.util.ArrayList<>(List.of(tl, tab));
            for (Placeholder<TFloat32> zk : z) {
                Tensor t = Tensors.of(Shape.of(n, 1, 1, noise), gaussian(random, n * noise));
                runner.feed(zk, t);
                made.add(t);
            }
            if (prior != null) {
                Tensor tp = Tensors.of(Shape.of(n, b.size(), b.size(), 2), b.features().get(DiverseCrops.PRIOR_AB));
                runner.feed(prior, tp);
                made.add(tp);
            }
            return made;
        };
        return new Built(gLoss, feeder, objectives, reported);
    }

    /** {@code x} stacked {@code times} along the batch axis. */
    private static Operand<TFloat32> repeated(Ops tf, Operand<TFloat32> x, int times) {
        return tf.concat(java.util.Collections.nCopies(times, x), tf.constant(0));
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian();
        return v;
    }
}
