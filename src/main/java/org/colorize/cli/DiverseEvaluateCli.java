package org.colorize.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.eval.DiverseEvaluation;
import org.colorize.files.AtomicFiles;
import org.colorize.image.Upsampling;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.DiverseOptions;
import org.colorize.runtime.DeviceChoice;

/**
 * {@code colorize diverse --evaluate --truth DIR [--method gan|vae] [-n 8] [--seed S] [--baseline MODEL]
 * [--csv FILE] [--record]}: the bars on an evaluation set (mean pairwise ab distance,
 * best-of-N PSNR against the single prediction's, colorfulness per sample); {@code --record} writes
 * them into the diverse model's card under {@code metrics.public_eval_diverse}.
 */
final class DiverseEvaluateCli {
    private DiverseEvaluateCli() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineArgs a;
        DiverseOptions options;
        try {
            a = CommandLineArgs.spec().values("method", "samples", "seed", "model", "truth", "baseline", "csv", "upsample")
                    .alias("-n", "samples").flags("evaluate", "record", "likely", "overwrite", "verbose").noPositionals().parse(args);
            String method = a.value("method", "gan");
            ColorizeOptions co = new ColorizeOptions(a.value("model", DiverseOptions.defaultModel(method)), DeviceChoice.AUTO,
                    Upsampling.parse(a.value("upsample", "bilinear")), Double.NaN);
            options = new DiverseOptions(co, a.intValue("samples", 8), a.longValue("seed", 0), a.flag("likely"));
            if (!a.has("truth")) throw new IllegalArgumentException("--truth DIR is needed");
        } catch (IllegalArgumentException e) {
            err.println("colorize diverse --evaluate: " + e.getMessage() + "\n" + DiverseCli.USAGE);
            return 2;
        }
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots())) {
            Path truth = Paths.get(a.value("truth", ""));
            DiverseEvaluation.Summary s = DiverseEvaluation.run(registry, truth, options, a.value("baseline", ""),
                    (stage, f) -> err.printf(Locale.ROOT, "\r%3.0f%% %-40s", 100 * f, stage));
            err.println();
            StringBuilder csv = new StringBuilder("image,width,height,single_psnr,best_psnr,mean_sample_psnr,pairwise_ab,cf_truth,cf_single");
            for (int i = 0; i < options.samples(); i++) csv.append(",psnr_").append(i + 1);
            for (int i = 0; i < options.samples(); i++) csv.append(",cf_").append(i + 1);
            csv.append('\n');
            out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s %8s%n", "image", "single", "best-of-" + options.samples(), "mean",
                    "pairwise", "cf");
            for (DiverseEvaluation.Row r : s.rows()) {
                out.printf(Locale.ROOT, "%-22s %9.2f %9.2f %9.2f %9.1f %8.1f%n", r.name(), r.singlePsnr(), r.bestPsnr(),
                        r.meanSamplePsnr(), r.pairwiseDistance(), java.util.Arrays.stream(r.sampleColorfulness()).average().orElse(0));
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f", r.name(), r.width(), r.height(),
                        r.singlePsnr(), r.bestPsnr(), r.meanSamplePsnr(), r.pairwiseDistance(), r.truthColorfulness(),
                        r.singleColorfulness()));
                for (double v : r.samplePsnr()) csv.append(String.format(Locale.ROOT, ",%.4f", v));
                for (double v : r.sampleColorfulness()) csv.append(String.format(Locale.ROOT, ",%.4f", v));
                csv.append('\n');
            }
            out.printf(Locale.ROOT, "%-22s %9.2f %9.2f %9.2f %9.1f%n", "mean (" + s.rows().size() + " images)", s.meanSinglePsnr(),
                    s.meanBestPsnr(), s.meanSamplePsnr(), s.meanPairwiseDistance());
            out.printf(Locale.ROOT, "model %s, seed %d, single prediction: %s; best-of-%d − single = %+.2f dB (bar: ≥ +1);"
                    + " mean pairwise ab distance %.1f (bar: ≥ 10)%n", s.model(), options.seed(), s.baseline(), options.samples(),
                    s.meanBestPsnr() - s.meanSinglePsnr(), s.meanPairwiseDistance());
            StringBuilder cf = new StringBuilder();
            for (double v : s.sampleColorfulness()) cf.append(String.format(Locale.ROOT, " %.1f", v));
            out.printf(Locale.ROOT, "colorfulness per sample:%s; single %.1f; originals %.1f%n", cf, s.singleColorfulness(),
                    s.truthColorfulness());
            if (a.has("csv")) AtomicFiles.writeString(Paths.get(a.value("csv", "")), csv.toString(), a.flag("overwrite"));
            if (a.flag("record")) {
                Path folder = registry.resolve(options.colorize().model());
                ModelCard card = ModelCards.read(folder);
                JsonObject metrics = card.json().has("metrics") ? card.json().getAsJsonObject("metrics").deepCopy() : new JsonObject();
                metrics.add("public_eval_diverse" + (options.mostLikely() ? "_most_likely" : ""), s.json(
                        "colorize diverse --evaluate --truth corpus/eval --model " + card.name() + " -n " + options.samples() + " --seed "
                                + options.seed() + (options.mostLikely() ? " --likely" : "") + " --record"));
                ModelCards.write(ModelCards.builder(card).metrics(metrics).build(), folder);
                out.println("recorded in " + folder.resolve(ModelCard.FILE_NAME));
            }
            return 0;
        } catch (ColorizeException | IOException e) {
            err.println("colorize diverse --evaluate: " + e.getMessage());
            return 1;
        }
    }
}
