package org.colorize.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.colorize.CommandLineArgs;
import org.colorize.TrainException;
import org.colorize.files.AtomicFiles;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelRegistry;
import org.colorize.model.OutputEncoding;
import org.colorize.model.TensorSpec;
import org.colorize.nn.Adam;
import org.colorize.pipeline.DiverseColorizer;
import org.colorize.nn.ColorVaeNet;
import org.colorize.nn.DiverseGanNet;

/**
 * Trains a diverse colorization model, Cao et al.'s GAN or Deshpande et al.'s VAE + MDN, on the
 * training split of a folder of color images, in resumable chunks: each call trains up to
 * {@code --steps} (counted over the whole run) for at most {@code --minutes}, leaves a checkpoint
 * with every variable and Adam's slots in {@code --checkpoint}, and exports the model with its
 * card ({@value #GAN_KIND} or {@value #VAE_KIND}) into {@code --out} (replacing the previous
 * chunk's export of the same run). Repeat the same command to continue.
 *
 * <pre>java -cp … org.colorize.train.DiverseTraining --method gan|vae --data corpus --out models/diverse-gan
 *     [--checkpoint checkpoints/diverse-gan] [--size 64] [--batch 8] [--steps 4000] [--minutes 10] [--seed 1]
 *     [--lr X] [--kinds scene|K,K|all] [--tiny] [--l1-weight W (GAN: the reconstruction term's weight, default 5)]
 *     [--prior MODEL (GAN: refine MODEL's colorizations)] [--samples K (GAN: codes per picture and step, default 2)]
 *     [--closest-sample (GAN: reconstruct only the closest of a picture's K samples; --best-of-two: the same, for K = 2)]
 *     [--relaxation E (with --closest-sample: (1 − E)·closest + E·mean of all K, default 0)]</pre>
 *
 * <p>With {@code --prior} the GAN's generator takes the named single-prediction model's ab as an
 * extra input and refines it (the model colorizes every training image once when the run starts,
 * {@link PriorColorizations}); the exported model then runs at that model's network size, on the
 * ab that model predicts, and its card names the model ({@code prior}, {@link DiverseColorizer#PRIOR}).
 */
public final class DiverseTraining {
    public static final String GAN_KIND = "diverse-gan";
    public static final String VAE_KIND = "diverse-vae";
    /** The card role of the VAE's mixture density network. */
    public static final String MDN_ROLE = "mdn";

    /** What a chunk did. */
    public record Chunk(Path model, StageRunner.StageResult result) {}

    /** Settings of a run. */
    public record Settings(String method, Path data, Path out, Path checkpoint, int size, int batch, long steps,
            double minutes, long seed, double lr, boolean tiny, double l1Weight, String prior, boolean closestOnly, int samples,
            double relaxation) {
        public Settings {
            if (relaxation != 0 && !closestOnly) throw new IllegalArgumentException("--relaxation is for --closest-sample");
            if (samples != DiverseGanStage.DEFAULT_SAMPLES && !method.equals("gan")) throw new IllegalArgumentException("--samples is for the GAN");
            if (samples < 2) throw new IllegalArgumentException("--samples must be at least 2, was " + samples);
            if (prior != null && !method.equals("gan")) throw new IllegalArgumentException("--prior is for the GAN");
            if (!method.equals("gan") && !method.equals("vae")) throw new IllegalArgumentException("--method is gan or vae, was " + method);
            if (size < 8 || size % 8 != 0) throw new IllegalArgumentException("--size must be a multiple of 8, was " + size);
            if (!(l1Weight >= 0)) throw new IllegalArgumentException("--l1-weight must not be negative, was " + l1Weight);
        }

        /** Without relaxation of the closest-sample term. */
        public Settings(String method, Path data, Path out, Path checkpoint, int size, int batch, long steps, double minutes,
                long seed, double lr, boolean tiny, double l1Weight, String prior, boolean closestOnly, int samples) {
            this(method, data, out, checkpoint, size, batch, steps, minutes, seed, lr, tiny, l1Weight, prior, closestOnly, samples, 0);
        }

        /** With the GAN's default reconstruction weight. */
        public Settings(String method, Path data, Path out, Path checkpoint, int size, int batch, long steps, double minutes,
                long seed, double lr, boolean tiny) {
            this(method, data, out, checkpoint, size, batch, steps, minutes, seed, lr, tiny, DiverseGanStage.Weights.defaults().l1(),
                    null, false, DiverseGanStage.DEFAULT_SAMPLES);
        }
    }

    private DiverseTraining() {}

    public static void main(String[] args) throws Exception {
        CommandLineArgs a = CommandLineArgs.spec().values("method", "data", "out", "checkpoint", "size", "batch", "steps",
                "minutes", "seed", "lr", "kinds", "l1-weight", "prior", "samples", "relaxation").flags("tiny", "best-of-two", "closest-sample")
                .noPositionals().parse(args);
        String method = a.value("method", "gan");
        Path out = Paths.get(a.value("out", "models/diverse-" + method));
        Settings s = new Settings(method, Paths.get(a.value("data", "corpus")), out,
                Paths.get(a.value("checkpoint", "checkpoints/" + out.getFileName())), a.intValue("size", 64),
                a.intValue("batch", 8), a.longValue("steps", 4000), Double.parseDouble(a.value("minutes", "10")),
                a.longValue("seed", 1), Double.parseDouble(a.value("lr", method.equals("gan") ? "2e-4" : "1e-3")), a.flag("tiny"),
                Double.parseDouble(a.value("l1-weight", Double.toString(DiverseGanStage.Weights.defaults().l1()))),
                a.value("prior", null), a.flag("best-of-two") || a.flag("closest-sample"),
                a.intValue("samples", DiverseGanStage.DEFAULT_SAMPLES), Double.parseDouble(a.value("relaxation", "0")));
        if (a.flag("best-of-two") && s.samples() != 2) throw new IllegalArgumentException("--best-of-two is for 2 samples: use --closest-sample");
        Consumer<String> log = m -> System.out.println(Instant.now() + " " + m);
        TrainingData data = TrainingData.load(s.data(), s.size(), 0.05, a.value("kinds", "scene").equals("all") ? Set.of()
                : Set.of(a.value("kinds", "scene").split(",")), log, () -> false);
        train(s, data, log, () -> false);
    }

    /** One chunk of the run on {@code data}'s training split; exports and returns where. */
    public static Chunk train(Settings s, TrainingData data, Consumer<String> log, BooleanSupplier cancel)
            throws IOException, TrainException {
        List<RgbImage> images = data.trainImages();
        if (s.prior() == null) {
            return train(s, new DiverseCrops(images, s.size(), s.batch(), s.seed()), TrainedModelCard.trainingData(data), null, log,
                    cancel);
        }
        ModelRegistry registry = ModelRegistry.shared();
        Prior prior = Prior.of(registry, s.prior());
        List<RgbImage> priors = PriorColorizations.compute(registry, s.prior(), images, log, cancel);
        return train(s, new DiverseCrops(images, priors, s.size(), s.batch(), s.seed()), TrainedModelCard.trainingData(data),
                prior, log, cancel);
    }

    /**
     * The single-prediction model a GAN refines, as its card records it.
     *
     * @param size the model's network size: the GAN runs at it, on its ab
     */
    record Prior(String model, String version, int size) {
        static Prior of(ModelRegistry registry, String model) throws TrainException {
            try {
                ModelCard card = registry.card(model);
                // the name as given: what the registry resolves at inference (a card's own name may differ from its folder's)
                return new Prior(model, card.version(), card.inputSize());
            } catch (org.colorize.ColorizeException e) {
                throw new TrainException("The prior model: " + e.getMessage(), e);
            }
        }
    }

    static Chunk train(Settings s, DiverseCrops crops, JsonObject dataJson, Consumer<String> log, BooleanSupplier cancel)
            throws IOException, TrainException {
        return train(s, crops, dataJson, null, log, cancel);
    }

    /** @param prior the model whose colorizations {@code crops} carry (null: none) */
    static Chunk train(Settings s, DiverseCrops crops, JsonObject dataJson, Prior prior, Consumer<String> log,
            BooleanSupplier cancel) throws IOException, TrainException {
        boolean gan = s.method().equals("gan");
        DiverseGanNet.Config ganCfg = (s.tiny() ? DiverseGanNet.Config.tiny() : DiverseGanNet.Config.small()).withPrior(prior != null);
        ColorVaeNet.Config vaeCfg = s.tiny() ? ColorVaeNet.Config.tiny() : ColorVaeNet.Config.small();
        // GAN: Adam β1 0.5 as in DCGAN-style training; the VAE: the usual 0.9
        Adam.Config adam = gan ? new Adam.Config(s.lr(), 0.5, 0.999, 1e-8) : Adam.Config.defaults().withLearningRate(s.lr());
        StageRecipe stage = gan ? new DiverseGanStage(ganCfg, crops, new DiverseGanStage.Weights(s.l1Weight(),
                DiverseGanStage.Weights.defaults().modeSeeking(), s.closestOnly(), s.relaxation()), s.samples())
                : new DiverseVaeStage(vaeCfg, crops);
        try (StageRunner runner = new StageRunner(adam, s.seed(), log)) {
            GanWarmStart warm = gan && Checkpoints.latest(s.checkpoint()) == null
                    ? GanWarmStart.read(s.out(), ganCfg, prior == null ? null : prior.model()) : null;
            if (warm != null) {
                runner.seed(warm.weights());
                runner.startAt(warm.step());
                log.accept("no checkpoint in " + s.checkpoint() + ": continuing the generator exported in " + s.out() + " (step "
                        + warm.step() + "; the critic and Adam start over)");
            }
            StageRunner.StageResult r = runner.run(stage, s.steps(), s.minutes() * 60, s.checkpoint(), cancel);
            Path target = s.out().toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path tmp = AtomicFiles.temporarySibling(target);
            try {
                if (gan) {
                    DiverseExport.gan(tmp, runner.weights(), ganCfg);
                } else {
                    DiverseExport.vae(tmp, runner.weights(), vaeCfg);
                }
                ModelCard card = card(target.getFileName().toString(), s, gan, ganCfg, vaeCfg, runner, r, dataJson, prior, warm);
                ModelCards.write(card, tmp);
                AtomicFiles.putFolderInPlace(tmp, target, true);
            } catch (IOException | RuntimeException e) {
                AtomicFiles.deleteTree(tmp);
                throw e;
            }
            log.accept("exported " + target + " at step " + r.steps());
            return new Chunk(target, r);
        }
    }

    private static ModelCard card(String name, Settings s, boolean gan, DiverseGanNet.Config ganCfg, ColorVaeNet.Config vaeCfg,
            StageRunner runner, StageRunner.StageResult r, JsonObject data, Prior prior, GanWarmStart warm) {
        JsonObject training = new JsonObject();
        training.addProperty("trainer", "Colorize (org.colorize.train.DiverseTraining, StageRunner, alternating two-optimizer step)");
        training.addProperty("stage", r.description());
        training.addProperty("steps", r.steps());
        training.addProperty("target_steps", s.steps());
        training.addProperty("finished", r.steps() >= s.steps());
        training.addProperty("size", s.size());
        training.addProperty("batch", s.batch());
        training.addProperty("lr", s.lr());
        training.addProperty("seed", s.seed());
        JsonObject first = new JsonObject();
        r.firstLosses().forEach(first::addProperty);
        JsonObject last = new JsonObject();
        r.lastLosses().forEach(last::addProperty);
        training.add("losses_first", first);
        training.add("losses_last_smoothed", last);
        training.addProperty("seconds_last_chunk", Math.round(r.seconds()));
        if (warm != null) {
            training.addProperty("continued_from", "the generator exported at step " + warm.step()
                    + " (no checkpoint: the critic and Adam restarted at that step)");
        }
        training.addProperty("date", Instant.now().toString());
        training.addProperty("note", "kept short on a shared 2-core CPU (small nets, " + s.size() + "² crops): a demonstration"
                + " of the method, not a converged model");
        JsonObject sampling = new JsonObject();
        var b = ModelCards.builder(name).version(java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "-" + (gan ? GAN_KIND : VAE_KIND))
                .kind(gan ? GAN_KIND : VAE_KIND)
                .license("weights trained by this project (Colorize) on the training data below (licenses per file in the corpus manifest)")
                .source("trained by this project (Colorize); see training")
                .trainingData(data).training(training);
        if (gan) {
            long params = DiverseExport.parameters(runner.weights(), List.of(DiverseGanNet.GENERATOR + "/"));
            // with a prior the GAN runs where the prior's ab is: at the prior's network size (it is fully convolutional)
            int size = prior == null ? s.size() : prior.size();
            b.component(ModelCard.FULL_IMAGE, c -> {
                c.architecture(prior == null ? "cao-gan-generator" : "cao-gan-generator-refining-prior").width(ganCfg.width())
                        .parameters(params).savedModel(".").input("l", InputEncoding.L, size)
                        .input(DiverseExport.CODE, InputEncoding.NOISE, TensorSpec.of(new long[] {-1, 1, 1, ganCfg.noise()}, "float32", null));
                if (prior != null) c.input(DiverseExport.PRIOR, InputEncoding.PRIOR_AB, size);
                c.output("ab", OutputEncoding.AB);
            });
            if (prior != null) {
                JsonObject p = new JsonObject();
                p.addProperty("model", prior.model());
                p.addProperty("version", prior.version());
                p.addProperty("input", DiverseExport.PRIOR);
                b.field(DiverseColorizer.PRIOR, p);
            }
            sampling.addProperty("code", "z: " + ganCfg.noise() + " standard normal numbers per sample, drawn from the seed");
        } else {
            long decoder = DiverseExport.parameters(runner.weights(), List.of("vae/gray/", "vae/decoder/"));
            long mdn = DiverseExport.parameters(runner.weights(), List.of("vae/gray/", ColorVaeNet.MDN + "/"));
            b.component(ModelCard.FULL_IMAGE, c -> c.architecture("divcolor-vae-decoder").width(vaeCfg.width()).parameters(decoder)
                    .savedModel(".").input("l", InputEncoding.L, s.size())
                    .input(DiverseExport.CODE, InputEncoding.NOISE, TensorSpec.of(new long[] {-1, 1, 1, vaeCfg.latent()}, "float32", null))
                    .output("ab", OutputEncoding.AB));
            b.component(MDN_ROLE, c -> c.architecture("divcolor-mdn").width(vaeCfg.width()).parameters(mdn)
                    .savedModel(DiverseExport.MDN_FOLDER).input("l", InputEncoding.L, s.size())
                    .output(DiverseExport.MIXTURE_LOGITS, OutputEncoding.MIXTURE_LOGITS, 0,
                            TensorSpec.of(new long[] {-1, vaeCfg.mixtures()}, "float32", null))
                    .output(DiverseExport.MIXTURE_MEANS, OutputEncoding.MIXTURE_MEANS, 0,
                            TensorSpec.of(new long[] {-1, vaeCfg.mixtures(), vaeCfg.latent()}, "float32", null)));
            sampling.addProperty("code", String.format(Locale.ROOT, "z: a component k drawn by the MDN's weights, then μ_k + %s·ε"
                    + " (ε standard normal, from the seed); 'most likely': the means μ_k ranked by weight", ColorVaeNet.MDN_SIGMA));
            sampling.addProperty("mixture_sigma", ColorVaeNet.MDN_SIGMA);
            sampling.addProperty("mixtures", vaeCfg.mixtures());
        }
        b.field("sampling", sampling);
        return b.build();
    }

    /** For messages: which kinds this trainer makes. */
    static String kinds() {
        return GAN_KIND + ", " + VAE_KIND;
    }

}
