package org.colorize.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.color.AnnealedMean;
import org.colorize.detect.DetectorOptions;
import org.colorize.files.AtomicFiles;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCardBuilder;
import org.colorize.model.ModelCards;
import org.colorize.model.NamedInputsModel;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.FusionGeometry;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.Tensors;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Turns InstColorization's checkpoint folder ({@code latest_net_GComp.pth}, {@code latest_net_G.pth},
 * {@code latest_net_GF.pth}) into one instance-aware model folder, the layout the instance-aware
 * colorizer serves: the full-image network (GComp) in the folder itself, the instance network (G)
 * in {@value #INSTANCE_FOLDER}/, the fused graph (G on the crops, GF's generator with its weight
 * nets at the 13 fusion points) in {@value #FUSION_FOLDER}/. Each of the three SavedModels is run
 * through DJL and compared with the graph before export; the card records each file's name and
 * SHA-256. As {@link CheckpointImporter}, everything is written into a hidden sibling that is moved
 * into place only when all of that passed.
 *
 * <pre>{@code
 * InstColorizationImporter.importModel(new InstColorizationImporter.Files(gcomp, g, gf), Path.of("models/instcolor"), System.err::println);
 * }</pre>
 */
public final class InstColorizationImporter {
    static final String INSTANCE_FOLDER = "instance";
    static final String FUSION_FOLDER = "fusion";
    /** The card kind (that of {@code InstanceAwareColorizer}). */
    static final String KIND = "instance-aware";
    static final String FUSION_ARCHITECTURE = "instcolorization-fusion";
    static final String SOURCE = "Su, Chu, Huang: Instance-aware Image Colorization (CVPR 2020), full-image (GComp), instance (G)"
            + " and fusion (GF) networks, https://github.com/ericsujw/InstColorization";
    /** The boxes of the fused export check, as fractions of the input side (x1, y1, x2, y2): two that overlap. */
    static final double[][] PROBE_BOXES = {{0.125, 0.1875, 0.625, 0.8125}, {0.4375, 0.0625, 0.9375, 0.4375}};

    /** The three files, by their role. */
    public record Files(Path fullImage, Path instance, Path fusion) {}

    /** One source file as the card records it. */
    public record Source(String role, Path file, String sha256, CheckpointFormat format, int tensors) {}

    /** What an import made. */
    public record Imported(Path folder, ModelCard card, List<Source> sources, double exportDifference, List<String> notes) {}

    private InstColorizationImporter() {
    }

    /** {@link #importModel(Files, Path, int, int, Consumer)} at the published 256² input and 256² crops. */
    public static Imported importModel(Files files, Path out, Consumer<String> progress) throws ColorizeException {
        return importModel(files, out, CheckpointImporter.INPUT_SIZE, CheckpointImporter.INPUT_SIZE, progress);
    }

    /**
     * Imports the three files into the new folder {@code out} with a fused graph for a network input of
     * side {@code size} and crops of side {@code cropSize} (InstColorization: both 256).
     *
     * @throws RefusedCheckpointException when a file is refused for safety; nothing was run or written
     * @throws ColorizeException          for every other problem, naming the file; nothing was written
     */
    static Imported importModel(Files files, Path out, int size, int cropSize, Consumer<String> progress) throws ColorizeException {
        Path target = out.toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(target)) {
            throw new ColorizeException("The output folder " + out + " exists already; choose another name.");
        }
        Map<String, Path> byRole = new LinkedHashMap<>();
        byRole.put(ModelCard.FULL_IMAGE, files.fullImage());
        byRole.put(INSTANCE_FOLDER, files.instance());
        byRole.put(FUSION_FOLDER, files.fusion());
        for (var e : byRole.entrySet()) {
            if (e.getValue() == null || !java.nio.file.Files.isRegularFile(e.getValue())) {
                throw new ColorizeException("No checkpoint file " + e.getValue() + " (" + what(e.getKey()) + ").");
            }
        }
        Map<String, String> sha = new LinkedHashMap<>();
        for (var e : byRole.entrySet()) {
            sha.put(e.getKey(), CheckpointImporter.sha256(e.getValue()));
            progress.accept("read " + e.getValue().getFileName() + " (" + what(e.getKey()) + ", SHA-256 " + sha.get(e.getKey()) + ")");
        }
        Path fullFile = files.fullImage();
        Path instFile = files.instance();
        Path gfFile = files.fusion();
        try (StateDict full = forFile(fullFile, ModelCard.FULL_IMAGE, () -> PthReader.read(fullFile));
                StateDict inst = forFile(instFile, INSTANCE_FOLDER, () -> PthReader.read(instFile));
                StateDict gf = forFile(gfFile, FUSION_FOLDER, () -> PthReader.read(gfFile))) {
            Siggraph17Spec fullSpec = forFile(fullFile, ModelCard.FULL_IMAGE, () -> InstColorizationSpec.fullImage(full));
            Siggraph17Spec instSpec = forFile(instFile, INSTANCE_FOLDER, () -> InstColorizationSpec.instance(inst));
            InstColorizationSpec spec = forFile(gfFile, FUSION_FOLDER, () -> InstColorizationSpec.of(fullSpec, instSpec, gf));
            List<String> notes = new ArrayList<>();
            String bins = fullSpec.bins(full, notes);
            progress.accept(String.format(Locale.ROOT, "InstColorization: width %s, weight nets of %d channels, %d + %d + %d tensors",
                    spec.width(), spec.fusion().weightChannels(), full.size(), inst.size(), gf.size()));
            List<Source> sources = List.of(source(ModelCard.FULL_IMAGE, fullFile, sha, full), source(INSTANCE_FOLDER, instFile, sha, inst),
                    source(FUSION_FOLDER, gfFile, sha, gf));
            Path temp = CheckpointImporter.prepareTemporary(target);
            try {
                CheckpointImporter.Built root = forFile(fullFile, ModelCard.FULL_IMAGE,
                        () -> CheckpointImporter.buildAndExport(full, fullSpec, temp, notes, fullFile.getFileName().toString()));
                CheckpointImporter.Built instance = forFile(instFile, INSTANCE_FOLDER, () -> CheckpointImporter.buildAndExport(inst,
                        instSpec, temp.resolve(INSTANCE_FOLDER), notes, instFile.getFileName().toString()));
                CheckpointImporter.Built fused = buildAndExportFused(spec, inst, instFile, gf, gfFile, temp.resolve(FUSION_FOLDER), notes,
                        size, cropSize);
                double difference = Math.max(root.difference(), Math.max(instance.difference(), fused.difference()));
                progress.accept(String.format(Locale.ROOT, "exported; DJL reproduces the graphs to %.2g ab (full-image %.2g,"
                        + " instance %.2g, fused %.2g)", difference, root.difference(), instance.difference(), fused.difference()));
                ModelCard card = card(target.getFileName().toString(), spec, bins, sources, size, cropSize, root, instance, fused);
                ModelCards.write(card, temp);
                AtomicFiles.putInPlace(temp, target, false);
                notes.forEach(n -> progress.accept("note: " + n));
                return new Imported(target, card, sources, difference, List.copyOf(notes));
            } catch (IOException e) {
                throw new ColorizeException("Cannot write the model folder " + target + ": " + e.getMessage(), e);
            } finally {
                CheckpointImporter.deleteQuietly(temp);
            }
        }
    }

    private static Source source(String role, Path file, Map<String, String> sha, StateDict sd) {
        return new Source(role, file, sha.get(role), sd.format(), sd.size());
    }

    /** What each role's file is, for messages. */
    static String what(String role) {
        return switch (role) {
            case ModelCard.FULL_IMAGE -> "InstColorization's full-image network, latest_net_GComp.pth";
            case INSTANCE_FOLDER -> "InstColorization's instance network, latest_net_G.pth, --instance";
            default -> "InstColorization's fusion network, latest_net_GF.pth, --fusion";
        };
    }

    @FunctionalInterface
    private interface FileStep<T> {
        T run() throws ColorizeException;
    }

    /** Runs {@code step}, naming {@code file} and its role in a checkpoint problem's message. */
    private static <T> T forFile(Path file, String role, FileStep<T> step) throws ColorizeException {
        try {
            return step.run();
        } catch (CheckpointException e) {
            String name = file.getFileName().toString();
            if (e.getMessage().startsWith(name) || e instanceof RefusedCheckpointException) throw e;
            throw new CheckpointException(name + " cannot be imported as " + what(role) + ": " + e.getMessage(), e);
        }
    }

    /** The fused graph with G's and GF's weights, exported to {@code dir} and checked through DJL on two boxes. */
    private static CheckpointImporter.Built buildAndExportFused(InstColorizationSpec spec, StateDict g, Path gFile, StateDict gf,
            Path gfFile, Path dir, List<String> notes, int size, int cropSize) throws ColorizeException {
        TfNatives.load();
        Map<String, NamedInputsModel.Input> probe = probeInputs(size, cropSize);
        try (Graph graph = new Graph(); Session s = new Session(graph)) {
            ParameterStore<TFloat32> store = ParameterStore.create(graph, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            InstColorizationSpec.Fused fused = spec.fused(store, size, cropSize);
            Map<String, TFloat32> values = new LinkedHashMap<>();
            try (WeightLoader.Loaded fromG = forFile(gFile, INSTANCE_FOLDER, () -> WeightLoader.load(g, store, spec.instanceLayers(),
                    InstColorizationSpec.INSTANCE_UNUSED, false));
                    WeightLoader.Loaded fromGf = forFile(gfFile, FUSION_FOLDER, () -> WeightLoader.load(gf, store, spec.fusionLayers(),
                            InstColorizationSpec.FUSION_UNUSED, false))) {
                values.putAll(fromG.values());
                values.putAll(fromGf.values());
                store.load(s, values, true);
                notes.addAll(fromG.notes().stream().map(n -> gFile.getFileName() + " (fused graph): " + n).toList());
                notes.addAll(fromGf.notes().stream().map(n -> gfFile.getFileName() + ": " + n).toList());
            }
            float[] expected = run(s, fused, probe);
            SavedModelExport.export(dir, s, st -> spec.fused(st, size, cropSize).signature());
            float[] got = ExportCheck.ab(dir, probe);
            double difference = ExportCheck.maxAbsDifference(expected, got);
            if (!(difference <= CheckpointImporter.EXPORT_TOLERANCE)) {
                throw new ColorizeException(String.format(Locale.ROOT, "The fused SavedModel exported from %s and %s differs from the"
                        + " network before export by %.3g ab (allowed %.0e); no model was written.", gFile.getFileName(),
                        gfFile.getFileName(), difference, CheckpointImporter.EXPORT_TOLERANCE));
            }
            return new CheckpointImporter.Built(store.parameterCount(), difference);
        }
    }

    /** The fused graph's inputs for the probe pattern with {@link #PROBE_BOXES}. */
    static Map<String, NamedInputsModel.Input> probeInputs(int size, int cropSize) {
        List<FusionGeometry.NetBox> boxes = new ArrayList<>();
        for (double[] b : PROBE_BOXES) boxes.add(new FusionGeometry.NetBox(b[0] * size, b[1] * size, b[2] * size, b[3] * size));
        return org.colorize.pipeline.InstanceAwareColorizer.fusedInputs(CheckpointImporter.probe(size, 0), size, probeCrops(boxes.size(), cropSize), cropSize, boxes);
    }

    private static float[] probeCrops(int k, int cropSize) {
        float[] crops = new float[k * cropSize * cropSize];
        for (int i = 0; i < k; i++) {
            System.arraycopy(CheckpointImporter.probe(cropSize, 1.3 * (i + 1)), 0, crops, i * cropSize * cropSize, cropSize * cropSize);
        }
        return crops;
    }

    /** Runs the fused graph in its session on named inputs. */
    static float[] run(Session s, InstColorizationSpec.Fused fused, Map<String, NamedInputsModel.Input> inputs) {
        List<TFloat32> fed = new ArrayList<>();
        try {
            Session.Runner runner = s.runner();
            runner.feed(fused.l(), feed(fed, inputs.get(SavedModelExport.INPUT)));
            runner.feed(fused.in().crops(), feed(fed, inputs.get(InstanceAwareNet.CROPS)));
            for (int stride : FusionGeometry.STRIDES) {
                runner.feed(fused.in().rows().get(stride), feed(fed, inputs.get(FusionGeometry.Inputs.rowsName(stride))));
                runner.feed(fused.in().cols().get(stride), feed(fed, inputs.get(FusionGeometry.Inputs.colsName(stride))));
            }
            try (Result r = runner.fetch(fused.ab()).run()) {
                float[] out = new float[(int) r.get(0).shape().size()];
                ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
                return out;
            }
        } finally {
            fed.forEach(TFloat32::close);
        }
    }

    private static TFloat32 feed(List<TFloat32> fed, NamedInputsModel.Input in) {
        TFloat32 t = Tensors.of(Shape.of(in.shape()), in.values());
        fed.add(t);
        return t;
    }

    private static ModelCard card(String name, InstColorizationSpec spec, String bins, List<Source> sources, int size, int cropSize,
            CheckpointImporter.Built root, CheckpointImporter.Built instance, CheckpointImporter.Built fused) {
        JsonObject imported = new JsonObject();
        JsonArray files = new JsonArray();
        for (Source src : sources) {
            JsonObject f = new JsonObject();
            f.addProperty("component", src.role());
            f.addProperty("file", src.file().getFileName().toString());
            f.addProperty("sha256", src.sha256());
            f.addProperty("format", src.format().description());
            f.addProperty("tensors", src.tensors());
            files.add(f);
        }
        imported.add("files", files);
        imported.addProperty("architecture", "instcolor");
        imported.addProperty("importer", "colorize import --arch instcolor (org.colorize.importer)");
        JsonObject check = new JsonObject();
        check.addProperty("what", "each SavedModel through DJL vs the network before export: full-image and instance on a "
                + CheckpointImporter.PROBE_SIZE + "x" + CheckpointImporter.PROBE_SIZE + " L pattern, fused on a " + size + "x" + size
                + " pattern with 2 overlapping boxes");
        check.addProperty("max_abs_difference_ab_full_image", root.difference());
        check.addProperty("max_abs_difference_ab_instance", instance.difference());
        check.addProperty("max_abs_difference_ab_fused", fused.difference());
        imported.add("export_check", check);
        JsonObject variant = new JsonObject();
        variant.addProperty("weight_channels", spec.fusion().weightChannels());
        variant.addProperty("instance_outside_box", spec.fusion().outsideBox().key());
        variant.addProperty("note", "InstColorization's fusion: an instance's weight logit is 0 outside its box (zero padding);"
                + " the background gets +1e4 outside all boxes (published 1e5: in float32 both give it weight exactly 1 there)");
        JsonObject geometry = new JsonObject();
        FusionGeometry.cardInputs(size, cropSize).forEach(geometry::addProperty);
        JsonObject detector = new JsonObject();
        detector.addProperty("model", "coco-centernet");
        detector.addProperty("min_score", DetectorOptions.DEFAULT_MIN_SCORE);
        detector.addProperty("max_boxes", DetectorOptions.DEFAULT_MAX_BOXES);
        String shaPart = sources.get(2).sha256().substring(0, 12);
        ModelCardBuilder b = ModelCards.builder(name).version("imported-" + shaPart).kind(KIND)
                .component(ModelCard.FULL_IMAGE, c -> {
                    c.architecture("siggraph17-unet").width(spec.width()).parameters(root.parameters()).savedModel(".")
                            .input(SavedModelExport.INPUT, InputEncoding.L, size).output(SavedModelExport.OUTPUT_AB, OutputEncoding.AB);
                    if (bins != null) {
                        c.output(SavedModelExport.OUTPUT_LOGITS, OutputEncoding.AB_BINS_LOGITS, bins, AnnealedMean.ZHANG_TEMPERATURE);
                    }
                })
                .component(INSTANCE_FOLDER, c -> c.architecture("siggraph17-unet").width(spec.width()).parameters(instance.parameters())
                        .savedModel(INSTANCE_FOLDER).input(SavedModelExport.INPUT, InputEncoding.L, cropSize)
                        .output(SavedModelExport.OUTPUT_AB, OutputEncoding.AB))
                .component(FUSION_FOLDER, c -> c.architecture(FUSION_ARCHITECTURE).width(spec.width()).parameters(fused.parameters())
                        .savedModel(FUSION_FOLDER).input(SavedModelExport.INPUT, InputEncoding.L, size)
                        .input(InstanceAwareNet.CROPS, InputEncoding.L, cropSize).output(SavedModelExport.OUTPUT_AB, OutputEncoding.AB))
                .field("detector", detector)
                .field("fusion_inputs", geometry)
                .field("fusion_variant", variant)
                .license(CheckpointImporter.LICENSE).source(SOURCE).field("import", imported);
        b.trainingData(new JsonPrimitive("ImageNet, fine-tuned on COCO-Stuff with Mask R-CNN boxes (as published by the authors)"));
        return b.build();
    }
}
