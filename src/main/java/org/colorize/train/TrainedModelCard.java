package org.colorize.train;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.colorize.Colorize;
import org.colorize.color.AnnealedMean;
import org.colorize.nn.Losses;
import org.colorize.nn.SavedModelExport;

/** The card of a model the trainer exports: architecture, encodings, training data, run and metrics. */
final class TrainedModelCard {
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
    static JsonObject card(TrainOptions o, TrainingGraph graph, TrainingData data, String run, long step, double wall,
            Validation v, long seed, boolean finished) {
        JsonObject card = new JsonObject();
        card.addProperty("name", o.name());
        card.addProperty("version", LocalDate.now(ZoneOffset.UTC) + "-step" + step);
        card.addProperty("kind", "full-image");
        card.addProperty("architecture", "siggraph17-unet");
        card.addProperty("width", o.width());
        card.addProperty("parameters", graph.parameterCount());
        JsonObject input = new JsonObject();
        input.addProperty("name", SavedModelExport.INPUT);
        input.addProperty("size", o.size());
        input.addProperty("encoding", "l");
        card.add("input", input);
        JsonObject output = new JsonObject();
        if (o.head() == Head.REGRESSION) {
            output.addProperty("name", SavedModelExport.OUTPUT_AB);
            output.addProperty("encoding", "ab");
        } else {
            output.addProperty("name", SavedModelExport.OUTPUT_LOGITS);
            output.addProperty("encoding", "ab_bins_logits");
            output.addProperty("temperature", AnnealedMean.ZHANG_TEMPERATURE);
        }
        card.add("output", output);
        Map<String, Integer> licenses = data.licenses();
        StringBuilder dataLicenses = new StringBuilder();
        licenses.forEach((k, n) -> dataLicenses.append(dataLicenses.length() == 0 ? "" : ", ").append(k).append(" (")
                .append(n).append(')'));
        card.addProperty("license", "weights trained by this project (Colorize) on the training data below;"
                + " training data licenses: " + dataLicenses);
        JsonObject td = new JsonObject();
        int images = data.train().size() + data.validation().size();
        td.addProperty("description", images + " color images from " + data.folder().getFileName()
                + (data.manifest() != null ? " (sources and licenses from " + data.manifest().getFileName() + ")"
                        : " (no manifest: licenses unknown)"));
        td.addProperty("folder", data.folder().toString());
        td.addProperty("images", images);
        td.addProperty("train", data.train().size());
        td.addProperty("validation", data.validation().size());
        td.addProperty("skipped_gray", data.gray().size());
        td.addProperty("skipped_unreadable", data.unreadable().size());
        td.addProperty("fingerprint", data.fingerprint());
        if (data.manifest() != null) td.addProperty("manifest", data.manifest().toString());
        JsonObject lic = new JsonObject();
        licenses.forEach(lic::addProperty);
        td.add("licenses", lic);
        Map<String, Integer> packages = data.packages();
        if (!packages.isEmpty()) {
            JsonObject p = new JsonObject();
            packages.forEach(p::addProperty);
            td.add("packages", p);
        }
        card.add("training_data", td);
        JsonObject t = new JsonObject();
        t.addProperty("trainer", Colorize.NAME + " " + Colorize.VERSION + " (org.colorize.train.Trainer)");
        t.addProperty("run", run);
        t.addProperty("steps", step);
        t.addProperty("target_steps", o.steps());
        t.addProperty("finished", finished && step >= o.steps());
        t.addProperty("head", o.head().key());
        t.addProperty("size", o.size());
        t.addProperty("batch", o.batch());
        t.addProperty("images_seen", step * o.batch());
        t.addProperty("optimizer", "adam");
        t.addProperty("lr", o.lr());
        t.addProperty("schedule", o.schedule().key());
        t.addProperty("seed", seed);
        t.addProperty("loss", o.head() == Head.REGRESSION
                ? "smooth-L1 on ab/110, delta " + TrainOptions.fmt(Losses.INSTCOLORIZATION_DELTA * 110) + "/110"
                : "class-rebalanced cross entropy over 313 ab bins (lambda 1/2, sigma 5), soft targets (5 neighbours, sigma 5)");
        t.addProperty("augmentation", "random square crops of 0.5-1.0 of the short side, horizontal flips, area resampling");
        t.addProperty("wall_time_s", Math.round(wall));
        t.addProperty("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        card.add("training", t);
        JsonObject metrics = new JsonObject();
        JsonObject val = validationJson(v);
        val.addProperty("crops", "center square of each validation image, area-resampled to " + o.size() + "x" + o.size());
        val.addProperty("split", "images whose path hash falls below " + TrainOptions.fmt(o.valFraction()));
        metrics.add("validation", val);
        card.add("metrics", metrics);
        return card;
    }
}
