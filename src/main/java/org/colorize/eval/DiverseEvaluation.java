package org.colorize.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.imglib2.img.array.ArrayImgs;
import org.colorize.ColorizeException;
import org.colorize.image.SourceImage;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.io.ImageFolder;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ArgbPixels;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.DiverseColorizer;
import org.colorize.pipeline.DiverseOptions;
import org.colorize.pipeline.DiverseResult;
import org.colorize.pipeline.ProgressListener;

/**
 * Scores a diverse model on an evaluation set of color originals: each original's
 * {@link MakeGray} lightness version is sampled N times (the product's diverse colorizer, full
 * resolution, recombined with the image's own L) and colorized once by a single-prediction model
 * through the normal pipeline ({@link ModelBaseline#throughPipeline}); per image it records every
 * sample's RGB PSNR and colorfulness, the best-of-N PSNR, the single prediction's PSNR and the mean
 * pairwise ab distance between the samples (on the network grid, Lab units).
 */
public final class DiverseEvaluation {
    /** One image's scores. */
    public record Row(String name, int width, int height, double singlePsnr, double singleColorfulness, double[] samplePsnr,
            double[] sampleColorfulness, double truthColorfulness, double pairwiseDistance) {
        public double bestPsnr() {
            return Arrays.stream(samplePsnr).max().orElse(Double.NaN);
        }

        public double meanSamplePsnr() {
            return Arrays.stream(samplePsnr).average().orElse(Double.NaN);
        }
    }

    /** The set's scores. */
    public record Summary(String model, String baseline, DiverseOptions options, List<Row> rows) {
        public double meanPairwiseDistance() {
            return rows.stream().mapToDouble(Row::pairwiseDistance).average().orElse(Double.NaN);
        }

        public double meanBestPsnr() {
            return rows.stream().mapToDouble(Row::bestPsnr).average().orElse(Double.NaN);
        }

        public double meanSinglePsnr() {
            return rows.stream().mapToDouble(Row::singlePsnr).average().orElse(Double.NaN);
        }

        public double meanSamplePsnr() {
            return rows.stream().mapToDouble(Row::meanSamplePsnr).average().orElse(Double.NaN);
        }

        /** Mean colorfulness of sample index i over the images. */
        public double[] sampleColorfulness() {
            int n = options.samples();
            double[] cf = new double[n];
            for (Row r : rows) for (int i = 0; i < n; i++) cf[i] += r.sampleColorfulness()[i] / rows.size();
            return cf;
        }

        public double truthColorfulness() {
            return rows.stream().mapToDouble(Row::truthColorfulness).average().orElse(Double.NaN);
        }

        public double singleColorfulness() {
            return rows.stream().mapToDouble(Row::singleColorfulness).average().orElse(Double.NaN);
        }

        /** The card's {@code metrics} entry. */
        public JsonObject json(String command) {
            JsonObject j = new JsonObject();
            j.addProperty("command", command);
            j.addProperty("samples", options.samples());
            j.addProperty("seed", options.seed());
            j.addProperty("most_likely", options.mostLikely());
            j.addProperty("single_prediction_model", baseline);
            JsonArray images = new JsonArray();
            rows.forEach(r -> images.add(r.name()));
            j.add("images", images);
            j.addProperty("mean_pairwise_ab_distance", round(meanPairwiseDistance()));
            j.addProperty("best_of_n_psnr", round(meanBestPsnr()));
            j.addProperty("mean_sample_psnr", round(meanSamplePsnr()));
            j.addProperty("single_prediction_psnr", round(meanSinglePsnr()));
            j.addProperty("best_minus_single_db", round(meanBestPsnr() - meanSinglePsnr()));
            JsonArray cf = new JsonArray();
            for (double v : sampleColorfulness()) cf.add(round(v));
            j.add("colorfulness_per_sample", cf);
            j.addProperty("colorfulness_single", round(singleColorfulness()));
            j.addProperty("colorfulness_truth", round(truthColorfulness()));
            j.addProperty("definition", "PSNR on 8-bit RGB against the original; best-of-N = per image the best sample's PSNR,"
                    + " averaged; pairwise distance = mean over sample pairs and network-grid pixels of the Euclidean ab"
                    + " distance; colorfulness = Hasler & Suesstrunk (no abs)");
            return j;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    private DiverseEvaluation() {}

    /**
     * @param baseline the single-prediction model (blank: the default model)
     */
    public static Summary run(ModelRegistry registry, Path truthDir, DiverseOptions options, String baseline,
            ProgressListener progress) throws ColorizeException {
        Map<String, Path> truths = ImageFolder.list(truthDir, "truth");
        if (truths.isEmpty()) throw new ColorizeException("No images in " + truthDir + ".");
        ModelBaseline.Colorizer single = ModelBaseline.throughPipeline(registry);
        DiverseColorizer diverse = new DiverseColorizer(registry);
        String baselineName = registry.card(baseline).name();
        List<Row> rows = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, Path> e : truths.entrySet()) {
            String name = e.getKey();
            progress.progress(name, done++ / (double) truths.size());
            DecodedImage d;
            try {
                d = ImageDecoder.read(e.getValue());
            } catch (IOException ex) {
                throw new ColorizeException("Cannot read " + e.getValue() + ": " + ex.getMessage(), ex);
            }
            int w = d.width();
            int h = d.height();
            int[] truth = d.raster().argb();
            byte[] gray = MakeGray.lightnessGray(truth);
            int[] one = single.colorize(new ModelBaseline.GrayInput(name, w, h, gray, MakeGray.info(name)),
                    ColorizeOptions.defaults().withModel(baseline), ProgressListener.NONE).image().argb();
            SourceImage source = SourceImage.of(ArrayImgs.unsignedBytes(gray, w, h), name);
            DiverseResult r = diverse.sample(source, options, ColorizeContext.of(ProgressListener.NONE, null));
            int n = r.samples().size();
            double[] psnr = new double[n];
            double[] cf = new double[n];
            for (int i = 0; i < n; i++) {
                int[] s = ArgbPixels.of(r.samples().get(i));
                psnr[i] = Psnr.rgb(s, truth);
                cf[i] = Colorfulness.of(s);
            }
            rows.add(new Row(name, w, h, Psnr.rgb(one, truth), Colorfulness.of(one), psnr, cf, Colorfulness.of(truth),
                    r.meanPairwiseDistance()));
        }
        progress.progress("done", 1);
        return new Summary(options.colorize().model(), baselineName, options, rows);
    }
}
