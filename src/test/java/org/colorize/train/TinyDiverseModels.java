package org.colorize.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny diverse models for tests, trained a few steps on synthetic pictures and exported like the
 * shipped ones: {@code tiny-diverse-gan}, {@code tiny-diverse-vae} and {@code tiny-diverse-gan-prior}
 * (a GAN refining the prediction of {@code tiny-prior}, the tiny full-image regression model, which
 * lies beside it) in one folder per JVM.
 */
public final class TinyDiverseModels {
    private static Path root;

    private TinyDiverseModels() {}

    /** The folder holding both models (a model registry root). */
    public static synchronized Path root() {
        if (root != null) return root;
        try {
            Path dir = org.colorize.testing.SharedTempRoot.create("tiny-diverse");
            JsonObject data = new JsonObject();
            data.addProperty("description", "synthetic ramps (test)");
            for (String method : new String[] {"gan", "vae"}) {
                DiverseTraining.Settings s = new DiverseTraining.Settings(method, dir, dir.resolve("tiny-diverse-" + method),
                        dir.resolve(".ckpt-" + method), 16, 2, 3, 5, 11, 1e-3, true);
                DiverseTraining.train(s, new DiverseCrops(DiverseTrainingTest.pictures(3, 24, 5), 16, 2, 3), data, m -> {}, () -> false);
                AtomicFilesCleanup.deleteTree(dir.resolve(".ckpt-" + method));
            }
            org.colorize.model.TinyModels.copyInto(org.colorize.model.TinyModels.regression(), dir.resolve(PRIOR));
            try (org.colorize.model.ModelRegistry registry = new org.colorize.model.ModelRegistry(java.util.List.of(dir))) {
                var pictures = DiverseTrainingTest.pictures(3, 24, 5);
                var priors = PriorColorizations.compute(registry, PRIOR, pictures, m -> {}, () -> false);
                DiverseTraining.Settings s = new DiverseTraining.Settings("gan", dir, dir.resolve("tiny-diverse-gan-prior"),
                        dir.resolve(".ckpt-prior"), 16, 2, 3, 5, 11, 1e-3, true, 5, PRIOR, false, 2);
                DiverseTraining.train(s, new DiverseCrops(pictures, priors, 16, 2, 3), data, DiverseTraining.Prior.of(registry, PRIOR),
                        m -> {}, () -> false);
                AtomicFilesCleanup.deleteTree(dir.resolve(".ckpt-prior"));
            } catch (org.colorize.TrainException e) {
                throw new IllegalStateException(e);
            }
            root = dir;
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.colorize.TrainException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path gan() {
        return root().resolve("tiny-diverse-gan");
    }

    /** The full-image model {@link #ganWithPrior()} refines. */
    public static final String PRIOR = "tiny-prior";

    public static Path ganWithPrior() {
        return root().resolve("tiny-diverse-gan-prior");
    }

    public static Path vae() {
        return root().resolve("tiny-diverse-vae");
    }

    private static final class AtomicFilesCleanup {
        static void deleteTree(Path p) throws IOException {
            org.colorize.files.AtomicFiles.deleteTree(p);
        }
    }
}
