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
 * mode-seeking term (Mao et al. 2019) over two codes per picture, against the mode collapse that
 * makes a conditional GAN ignore its noise.
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
     * @param bestOfTwo   whether the reconstruction counts only the closer sample of each code pair
     *                    ({@link Losses#l1BestOfTwo}) instead of both
     */
    record Weights(double l1, double modeSeeking, boolean bestOfTwo) {
        static Weights defaults() {
            return new Weights(5, 0.03, false);
        }
    }

    private final DiverseGanNet.Config config;
    private final DiverseCrops crops;
    private final Weights weights;

    DiverseGanStage(DiverseGanNet.Config config, DiverseCrops crops, Weights weights) {
        this.config = config;
        this.crops = crops;
        this.weights = weights;
    }

    @Override
    public String name() {
        return "gan";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "gan: Cao et al. generator (%d layers of %d, code %d%s) + patch critic %d, hinge loss,"
                + " L1%s × %s, mode seeking × %s, on %s", config.layers(), config.width(), config.noise(),
                config.prior() ? ", refining the prior's ab" : "", config.criticWidth(), weights.bestOfTwo() ? " (closer of two samples)" : "",
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
        Placeholder<TFloat32> z1 = tf.withName("z1").placeholder(TFloat32.class, Placeholder.shape(code));
        Placeholder<TFloat32> z2 = tf.withName("z2").placeholder(TFloat32.class, Placeholder.shape(code));
        if (config.prior() != crops.hasPriors()) {
            throw new IllegalArgumentException(config.prior() ? "a generator with a prior needs the prior's crops" : "crops with priors for a generator without one");
        }
        Placeholder<TFloat32> prior = config.prior()
                ? tf.withName(DiverseCrops.PRIOR_AB).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2))) : null;
        Operand<TFloat32> l2 = tf.concat(List.of(l, l), tf.constant(0));
        DiverseGanNet.Generated<TFloat32> g = DiverseGanNet.generator(store, l2, tf.concat(List.of(z1, z2), tf.constant(0)),
                prior == null ? null : tf.concat(List.of(prior, prior), tf.constant(0)), config);
        Ops lt = tf.withSubScope("loss");
        List<org.tensorflow.Output<TFloat32>> halves = lt.split(lt.constant(0), g.abNormalized(), 2L).output();
        Operand<TFloat32> fake1 = halves.get(0);
        Operand<TFloat32> fake2 = halves.get(1);
        Operand<TFloat32> scores = DiverseGanNet.discriminator(store, tf.concat(List.of(l, l, l), tf.constant(0)),
                tf.concat(List.of(ab, fake1, fake2), tf.constant(0)), config);
        List<org.tensorflow.Output<TFloat32>> parts = lt.split(lt.constant(0), scores, 3L).output();
        Operand<TFloat32> fakeScores = lt.concat(List.of(parts.get(1), parts.get(2)), lt.constant(0));
        Operand<TFloat32> dLoss = Losses.hingeCritic(lt, parts.get(0), fakeScores);
        Operand<TFloat32> gAdv = Losses.hingeGenerator(lt, fakeScores);
        Operand<TFloat32> l1 = weights.bestOfTwo() ? Losses.l1BestOfTwo(lt, fake1, fake2, ab)
                : lt.math.mul(lt.math.add(Losses.l1(lt, fake1, ab), Losses.l1(lt, fake2, ab)), store.scalar(0.5));
        Operand<TFloat32> ms = Losses.modeSeeking(lt, fake1, fake2, z1, z2);
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
            Tensor t1 = Tensors.of(Shape.of(n, 1, 1, noise), gaussian(random, n * noise));
            Tensor t2 = Tensors.of(Shape.of(n, 1, 1, noise), gaussian(random, n * noise));
            runner.feed(l, tl).feed(ab, tab).feed(z1, t1).feed(z2, t2);
            if (prior == null) return List.of(tl, tab, t1, t2);
            Tensor tp = Tensors.of(Shape.of(n, b.size(), b.size(), 2), b.features().get(DiverseCrops.PRIOR_AB));
            runner.feed(prior, tp);
            return List.of(tl, tab, t1, t2, tp);
        };
        return new Built(gLoss, feeder, objectives, reported);
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian();
        return v;
    }
}
