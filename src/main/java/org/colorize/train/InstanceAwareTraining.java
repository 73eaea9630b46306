package org.colorize.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.detect.Detector;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.Adam;
import org.colorize.nn.FusionConfig;
import org.colorize.nn.FusionGeometry;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.Siggraph17Config;
import org.tensorflow.Tensor;

/**
 * Trains an instance-aware model the way InstColorization does, in three stages on one set of
 * weights ({@link StageRunner}): the full-image net on whole pictures, the instance net on crops
 * (the corpus's scenes with the detector's boxes, and its cut-outs composited on scenes with exact
 * boxes), then the fusion module with both nets frozen; exports the three SavedModels and the
 * {@value #KIND} card. Scenes and cut-outs are split by content ({@link InstanceRole}): the nets
 * train on half, the fusion on pictures neither net has seen, and held-out pictures choose the
 * fusion's weights (early stopping) and score it against the full-image net alone.
 *
 * <pre>java -cp … org.colorize.train.InstanceAwareTraining --corpus corpus --out models/instance-aware
 *     [--init models/colorize-default] [--detector models/coco-centernet] [--width 0.25] [--size 64]
 *     [--crop 32] [--seconds 240,240,300] [--scenes 1000] [--composites 400] [--nets MODEL]
 *     [--weight-nets published|one-hidden|lean] [--box-size-term]
 * java -cp … org.colorize.train.InstanceAwareTraining --rebuild-fusion models/instance-aware</pre>
 *
 * With {@code --nets}, an instance-aware model's two trained nets are kept as they are and only the
 * fusion stage runs (its seconds are the third of {@code --seconds}): how a changed fusion module is
 * retrained without training the nets again. The card keeps that model's first two stages.
 * {@code --weight-nets lean} gives the fusion one-conv weight maps ({@link FusionConfig#LEAN})
 * instead of InstColorization's three-conv ones; {@code --box-size-term} adds
 * {@link FusionConfig#boxSizeTerm()}.
 */
public final class InstanceAwareTraining {
    /** The card kind of instance-aware models. */
    public static final String KIND = "instance-aware";

    private InstanceAwareTraining() {}

    public static void main(String[] args) throws Exception {
        CommandLineArgs a = parse(args);
        if (a.has("rebuild-fusion")) {
            Path model = Paths.get(a.value("rebuild-fusion", ""));
            double diff = InstanceAwareExport.rebuildFusion(model);
            System.out.printf(java.util.Locale.ROOT, "rebuilt %s/%s from its own weights; ab within %.2e of the old graph%n", model,
                    InstanceAwareExport.FUSION_FOLDER, diff);
            return;
        }
        Path corpus = Paths.get(a.value("corpus", "corpus"));
        Path out = Paths.get(a.value("out", "models/instance-aware"));
        Path init = Paths.get(a.value("init", "models/colorize-default"));
        Path detectorDir = Paths.get(a.value("detector", "models/coco-centernet"));
        double width = Double.parseDouble(a.value("width", "0.25"));
        int size = Integer.parseInt(a.value("size", "64"));
        int crop = Integer.parseInt(a.value("crop", "32"));
        String[] secs = a.value("seconds", "240,240,300").split(",");
        int scenes = Integer.parseInt(a.value("scenes", "1000"));
        int composites = Integer.parseInt(a.value("composites", "400"));
        long seed = Long.parseLong(a.value("seed", "1"));
        Path nets = a.has("nets") ? Paths.get(a.value("nets", "")) : null;
        FusionConfig fusion = fusionConfig(a);
        Consumer<String> log = s -> System.out.println(Instant.now() + " " + s);
        train(corpus, out, init, detectorDir, width, fusion, size, crop, new double[] {
            Double.parseDouble(secs[0]), Double.parseDouble(secs[1]), Double.parseDouble(secs[2])}, scenes, composites, seed, nets, log);
    }

    static CommandLineArgs parse(String[] args) {
        return CommandLineArgs.spec().values("corpus", "out", "init", "detector", "width", "size", "crop", "seconds",
                "scenes", "composites", "seed", "nets", "weight-nets", "rebuild-fusion").flags("box-size-term").noPositionals().parse(args);
    }

    /** The fusion variant of {@code --weight-nets} and {@code --box-size-term}. */
    static FusionConfig fusionConfig(CommandLineArgs a) {
        FusionConfig fusion = switch (a.value("weight-nets", "published")) {
            case "published" -> FusionConfig.COLORIZE;
            case "lean" -> FusionConfig.LEAN;
            case "one-hidden" -> FusionConfig.COLORIZE.withHiddenConvs(1);
            default -> throw new IllegalArgumentException("--weight-nets: published, one-hidden or lean, not " + a.value("weight-nets", ""));
        };
        return fusion.withBoxSizeTerm(a.flag("box-size-term"));
    }

    /**
     * The scenes of {@code corpus} that no stage trains on ({@code HELD_OUT} of the trainer's content
     * split, which depends on the pictures only), for an evaluation on pictures the nets and the
     * fusion never saw.
     */
    public static List<Path> heldOutScenes(Path corpus) throws IOException {
        InstanceSamples maker = new InstanceSamples(64, 32, org.colorize.detect.DetectorOptions.DEFAULT_MAX_BOXES);
        return maker.pictures(corpus, 1, s -> {}).scenes(InstanceRole.HELD_OUT).stream()
                .map(s -> corpus.resolve(s.relative())).sorted().toList();
    }

    static void train(Path corpus, Path out, Path init, Path detectorDir, double width, FusionConfig fusion, int size, int crop,
            double[] seconds,
            int sceneCount, int compositeCount, long seed, Path nets, Consumer<String> log) throws IOException, ColorizeException {
        JsonArray keptStages = nets == null ? null : netStages(nets);
        long t0 = System.nanoTime();
        Siggraph17Config cfg = Siggraph17Config.regression(width, 1);
        InstanceSamples maker = new InstanceSamples(size, crop, org.colorize.detect.DetectorOptions.DEFAULT_MAX_BOXES);
        InstanceSamples.Pictures pictures = maker.pictures(corpus, seed, log);
        Map<InstanceRole, List<InstanceSample>> byRole = new java.util.EnumMap<>(InstanceRole.class);
        try (Detector detector = Detector.load(detectorDir)) {
            for (InstanceRole r : InstanceRole.values()) {
                byRole.put(r, new ArrayList<>(maker.detected(pictures.scenes(r), detector, share(sceneCount, r), log)));
            }
        }
        for (InstanceRole r : InstanceRole.values()) {
            byRole.get(r).addAll(maker.composites(pictures.scenes(r), pictures.cutouts(r), share(compositeCount, r),
                    seed + 7 + r.ordinal(), log));
        }
        double dataSeconds = (System.nanoTime() - t0) / 1e9;
        List<InstanceSample> netSamples = byRole.get(InstanceRole.NETS);
        List<float[]> fullL = new ArrayList<>();
        List<float[]> fullAb = new ArrayList<>();
        List<float[]> cropL = new ArrayList<>();
        List<float[]> cropAb = new ArrayList<>();
        for (InstanceSample s : netSamples) {
            fullL.add(s.l());
            fullAb.add(s.ab());
            cropL.addAll(s.cropL());
            cropAb.addAll(s.cropAb());
        }
        List<InstanceSample> heldOut = byRole.get(InstanceRole.HELD_OUT);
        List<float[]> heldFullL = heldOut.stream().map(InstanceSample::l).toList();
        List<float[]> heldFullAb = heldOut.stream().map(InstanceSample::ab).toList();
        List<float[]> heldCropL = heldOut.stream().flatMap(s -> s.cropL().stream()).toList();
        List<float[]> heldCropAb = heldOut.stream().flatMap(s -> s.cropAb().stream()).toList();
        log.accept(String.format(Locale.ROOT, "pictures made in %d s: nets %d (%d crops), fusion %d, held out %d",
                Math.round(dataSeconds), netSamples.size(), cropL.size(), byRole.get(InstanceRole.FUSION).size(),
                byRole.get(InstanceRole.HELD_OUT).size()));
        try (StageRunner runner = new StageRunner(Adam.Config.defaults().withLearningRate(3e-4), seed, log)) {
            int initialized;
            if (nets == null) {
                initialized = seedFrom(runner, init, cfg, log);
                runner.run(new FullNetStage("full-image", "", cfg, size, 16, fullL, fullAb, heldFullL, heldFullAb), Integer.MAX_VALUE,
                        seconds[0]);
                runner.run(new FullNetStage("instance", InstanceAwareNet.INSTANCE, cfg, crop, 16, cropL, cropAb, heldCropL, heldCropAb),
                        Integer.MAX_VALUE, seconds[1]);
            } else {
                initialized = seedNetsFrom(runner, nets, cfg, log);
            }
            runner.run(new FusionStage(cfg, fusion, size, crop, byRole.get(InstanceRole.FUSION), byRole.get(InstanceRole.HELD_OUT)),
                    Integer.MAX_VALUE, seconds[2]);
            InstanceAwareExport.export(out, runner.weights(), cfg, fusion, size, crop);
            String from = nets != null ? nets.getFileName() + " (its full-image and instance nets, kept frozen; " + initialized
                    + " variables): only the fusion stage was retrained"
                    : initialized > 0 ? init.getFileName() + " (" + initialized + " shared encoder/decoder variables, both nets)" : "scratch";
            JsonObject training = training(runner.results(), from, seed);
            if (keptStages != null) {
                JsonArray stages = keptStages.deepCopy();
                training.getAsJsonArray("stages").forEach(stages::add);
                training.add("stages", stages);
            }
            writeCard(out, cfg, fusion, size, crop, runner.results(), runner.weights(), trainingData(byRole, corpus, nets != null), training);
            log.accept("exported " + out + " in " + Math.round((System.nanoTime() - t0) / 1e9) + " s");
        }
    }

    /** The full-image and instance stages recorded in an instance-aware model's card. */
    static JsonArray netStages(Path model) throws IOException, ColorizeException {
        JsonArray kept = new JsonArray();
        ModelCard card = ModelCards.read(model);
        if (!KIND.equals(card.kind())) throw new IllegalArgumentException(model + " is not an " + KIND + " model");
        JsonObject training = card.json().getAsJsonObject("training");
        if (training != null && training.has("stages")) {
            training.getAsJsonArray("stages").forEach(st -> {
                if (!"fusion".equals(st.getAsJsonObject().get("name").getAsString())) kept.add(st);
            });
        }
        return kept;
    }

    /** Copies both nets' variables (everything but {@code fusion/}) from an instance-aware model's fused SavedModel. */
    static int seedNetsFrom(StageRunner runner, Path model, Siggraph17Config cfg, Consumer<String> log) {
        Map<String, org.tensorflow.ndarray.Shape> shapes = new LinkedHashMap<>();
        FullNetStageNames.shapes(cfg).forEach((n, shape) -> {
            shapes.put(n, shape);
            shapes.put(InstanceAwareNet.INSTANCE + "/" + n, shape);
        });
        List<String> names = List.copyOf(shapes.keySet());
        Path fused = model.resolve(InstanceAwareExport.FUSION_FOLDER);
        Map<String, Tensor> values = readVariables(fused, names);
        if (values.size() < names.size()) {
            String missing = names.stream().filter(n -> !values.containsKey(n)).findFirst().orElseThrow();
            int count = names.size() - values.size();
            values.values().forEach(Tensor::close);
            throw new IllegalArgumentException(fused + " lacks " + count + " variables of the nets (e.g. " + missing
                    + "): not an instance-aware model of width " + cfg.width());
        }
        for (String n : names) {
            if (!values.get(n).shape().equals(shapes.get(n))) {
                String message = fused + ": " + n + " is " + values.get(n).shape() + ", a net of width " + cfg.width()
                        + " has " + shapes.get(n) + " (train with the model's --width)";
                values.values().forEach(Tensor::close);
                throw new IllegalArgumentException(message);
            }
        }
        log.accept("kept " + names.size() + " variables of both nets from " + fused + "; training the fusion only");
        runner.seed(values);
        return names.size();
    }

    /** Copies every variable of {@code init}'s SavedModel whose name the full-image and instance nets share. */
    private static int seedFrom(StageRunner runner, Path init, Siggraph17Config cfg, Consumer<String> log) {
        if (!Files.isRegularFile(init.resolve("saved_model.pb"))) {
            log.accept("no initial weights (" + init + " has no SavedModel): training from scratch");
            return 0;
        }
        List<String> names = FullNetStageNames.of(cfg);
        Map<String, Tensor> found = readVariables(init, names);
        Map<String, Tensor> values = new LinkedHashMap<>(found);
        // the instance net starts from the same weights, under its own names (a second read: each name owns its tensor)
        readVariables(init, List.copyOf(found.keySet())).forEach((n, t) -> values.put(InstanceAwareNet.INSTANCE + "/" + n, t));
        log.accept("initialized " + found.size() + " of " + names.size() + " variables of each net from " + init);
        runner.seed(values);
        return found.size();
    }

    /** The variables of {@code names} that the SavedModel in {@code dir} has, by name, in the order of {@code names}. */
    private static Map<String, Tensor> readVariables(Path dir, List<String> names) {
        Map<String, Tensor> all = InstanceAwareExport.variables(dir);
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (String n : names) {
            Tensor t = all.remove(n);
            if (t != null) values.put(n, t);
        }
        all.values().forEach(Tensor::close);
        return values;
    }

    static JsonObject training(List<StageRunner.StageResult> results, String initializedFrom, long seed) {
        JsonObject training = new JsonObject();
        training.addProperty("trainer", "Colorize (org.colorize.train.InstanceAwareTraining, StageRunner)");
        training.addProperty("seed", seed);
        training.addProperty("optimizer", "adam");
        training.addProperty("lr", 3e-4);
        training.addProperty("loss", "smooth-L1 on ab/110, delta 1/110 (InstColorization)");
        training.addProperty("initialized_from", initializedFrom);
        training.addProperty("note", "kept SHORT on a shared 2-core CPU (minutes per stage, tiny width 0.25, 64² input):"
                + " a demonstration of the three-stage method, not a converged model");
        JsonArray stages = new JsonArray();
        for (StageRunner.StageResult r : results) {
            JsonObject st = new JsonObject();
            st.addProperty("name", r.name());
            st.addProperty("what", r.description());
            st.addProperty("steps", r.steps());
            st.addProperty("seconds", Math.round(r.seconds()));
            st.addProperty("loss_first", r.firstLoss());
            st.addProperty("loss_last_smoothed", r.lastLoss());
            if (r.validated() != null) st.add("held_out", heldOut(r.validated()));
            stages.add(st);
        }
        training.add("stages", stages);
        training.addProperty("date", Instant.now().toString());
        return training;
    }

    /** A stage's scores on the held-out pictures, as the card records them. */
    static JsonObject heldOut(StageRunner.Validated v) {
        JsonObject o = new JsonObject();
        o.addProperty("scored_feeds", v.feeds());
        if (Double.isFinite(v.baseline())) o.addProperty("loss_full_image_alone", v.baseline());
        o.addProperty("loss_before_training", v.first());
        o.addProperty("loss_kept", v.best());
        o.addProperty("kept_step", v.bestStep());
        o.addProperty("loss_last", v.last());
        o.addProperty("last_step", v.lastStep());
        o.addProperty("what", "mean smooth-L1 on the held-out pictures (the nets: their pictures or crops in batches of 16, in"
                + " inference mode; the fusion: each picture with boxes, full_image_alone being the frozen full-image net without"
                + " the fusion on the same pictures); the weights of the lowest score were kept");
        return o;
    }

    /** {@code total} in proportion to {@code role}'s share of the corpus. */
    private static int share(int total, InstanceRole role) {
        return (int) Math.round(total * role.fraction());
    }

    /** @param keptNets whether the nets came from another model ({@code --nets}), trained on that model's pictures */
    static JsonObject trainingData(Map<InstanceRole, List<InstanceSample>> byRole, Path corpus, boolean keptNets) {
        JsonObject data = new JsonObject();
        List<InstanceSample> all = byRole.values().stream().flatMap(List::stream).toList();
        long detected = all.stream().filter(s -> s.source().equals("detector")).count();
        data.addProperty("description", String.format(Locale.ROOT, "%d scenes of %s/scenes with detector boxes and %d composites of"
                + " %s/cutouts on scenes (exact boxes from alpha); sources and licenses in %s/manifest.tsv", detected, corpus.getFileName(),
                all.size() - detected, corpus.getFileName(), corpus.getFileName()));
        data.addProperty("folder", corpus.getFileName().toString());
        data.addProperty("pictures", all.size());
        data.addProperty("boxes", all.stream().mapToInt(s -> s.boxes().size()).sum());
        JsonObject split = new JsonObject();
        split.addProperty("how", "scenes and cut-outs by content (SHA-256 of the path, look-alikes grouped by difference hash):"
                + " the nets' stages, the fusion stage and held-out pictures see disjoint scenes and cut-outs"
                + (keptNets ? "; but the nets were kept from another model (--nets), trained on all its pictures" : ""));
        byRole.forEach((r, list) -> {
            JsonObject o = new JsonObject();
            o.addProperty("pictures", list.size());
            o.addProperty("with_boxes", list.stream().filter(s -> !s.boxes().isEmpty()).count());
            o.addProperty("boxes", list.stream().mapToInt(s -> s.boxes().size()).sum());
            split.add(r.name().toLowerCase(Locale.ROOT), o);
        });
        data.add("split", split);
        data.addProperty("evaluation_images_excluded", "the corpus's eval/ folder is never read; darknet's sample photos are not in the corpus");
        return data;
    }

    /** Writes the {@value #KIND} card of the three SavedModels in {@code out}. */
    static void writeCard(Path out, Siggraph17Config cfg, FusionConfig fusion, int size, int crop, List<StageRunner.StageResult> results,
            Map<String, Tensor> weights, JsonObject data, JsonObject training) throws IOException {
        long fullParams = FullNetStageNames.parameters(cfg);
        long fusionParams = weights.entrySet().stream().filter(e -> e.getKey().startsWith("fusion/"))
                .mapToLong(e -> e.getValue().shape().size()).sum();
        JsonObject geometry = new JsonObject();
        FusionGeometry.cardInputs(size, crop).forEach(geometry::addProperty);
        JsonObject detector = new JsonObject();
        detector.addProperty("model", "coco-centernet");
        detector.addProperty("min_score", org.colorize.detect.DetectorOptions.DEFAULT_MIN_SCORE);
        detector.addProperty("max_boxes", org.colorize.detect.DetectorOptions.DEFAULT_MAX_BOXES);
        ModelCard card = ModelCards.builder(out.getFileName().toString())
                .version(java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "-instance-aware")
                .kind(KIND)
                .component(ModelCard.FULL_IMAGE, c -> c.architecture("siggraph17-unet").width(cfg.width()).parameters(fullParams)
                        .savedModel(".").input("l", InputEncoding.L, size).output("ab", OutputEncoding.AB))
                .component("instance", c -> c.architecture("siggraph17-unet").width(cfg.width()).parameters(fullParams)
                        .savedModel(InstanceAwareExport.INSTANCE_FOLDER).input("l", InputEncoding.L, crop).output("ab", OutputEncoding.AB))
                .component("fusion", c -> c.architecture("instcolorization-fusion").width(cfg.width())
                        .parameters(2 * fullParams + fusionParams).savedModel(InstanceAwareExport.FUSION_FOLDER)
                        .input("l", InputEncoding.L, size).input(InstanceAwareNet.CROPS, InputEncoding.L, crop).output("ab", OutputEncoding.AB))
                .field("detector", detector)
                .field("fusion_inputs", geometry)
                .field("fusion_weight_nets", new com.google.gson.JsonPrimitive(fusion.weightNetsDescription()))
                .license("weights trained by this project (Colorize) on the training data below (licenses per file in the corpus manifest)")
                .source("trained by this project (Colorize); see training")
                .trainingData(data)
                .training(training)
                .build();
        ModelCards.write(card, out);
    }
}
