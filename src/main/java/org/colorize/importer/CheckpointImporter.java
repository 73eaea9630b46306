package org.colorize.importer;

import org.colorize.color.AnnealedMean;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.files.AtomicFiles;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCardBuilder;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
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
 * Turns a published PyTorch checkpoint into a Colorize model folder: reads it safely
 * ({@link PthReader}), builds the network it describes, loads the weights through the key
 * mapping, exports a SavedModel through {@link SavedModelExport}, runs the export through DJL and
 * compares it with the graph before export, and writes the card. Everything is written into a
 * hidden sibling of the output folder, which is moved into place only when all of that passed;
 * on any failure no model folder exists.
 *
 * <pre>{@code
 * var r = CheckpointImporter.importCheckpoint(Path.of("siggraph17-df00044c.pth"), ImportArchitecture.SIGGRAPH17,
 *         Path.of("models/siggraph17"), System.err::println);
 * }</pre>
 */
public final class CheckpointImporter {
    /** The size the published networks were trained at; the card's input size. */
    public static final int INPUT_SIZE = 256;
    /** The side of the L pattern the export is checked on. */
    static final int PROBE_SIZE = 64;
    /** The export must reproduce the graph's ab to this many ab units (it is the same graph: measured 0). */
    static final double EXPORT_TOLERANCE = 1e-4;
    static final String LICENSE = "as published by the authors (see README)";

    /** What an import made. */
    public record Imported(Path folder, ModelCard card, String sha256, CheckpointFormat format, double exportDifference,
            List<String> notes) {}

    private CheckpointImporter() {
    }

    /**
     * Imports {@code checkpoint} as {@code arch} into the new folder {@code out} (its name is the
     * model's).
     *
     * @throws RefusedCheckpointException when the file is refused for safety; nothing was run or written
     * @throws ColorizeException          for every other problem (unreadable file, wrong architecture,
     *                                    existing output folder …); nothing was written
     */
    public static Imported importCheckpoint(Path checkpoint, ImportArchitecture arch, Path out, Consumer<String> progress)
            throws ColorizeException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) throw new ColorizeException("The output folder " + out + " exists already; choose another name.");
        if (!Files.isRegularFile(checkpoint)) throw new ColorizeException("No checkpoint file " + checkpoint + ".");
        if (arch.needsCompanions()) {
            throw new ColorizeException("--arch " + arch.key() + " imports InstColorization's three networks together: give the"
                    + " instance network (--instance latest_net_G.pth) and the fusion network (--fusion latest_net_GF.pth) too.");
        }
        String sha256 = sha256(checkpoint);
        progress.accept("read " + checkpoint.getFileName() + " (SHA-256 " + sha256 + ")");
        try (StateDict sd = PthReader.read(checkpoint)) {
            return importStateDict(sd, checkpoint, arch, target, sha256, progress);
        } catch (CheckpointException e) {
            String file = checkpoint.getFileName().toString();
            if (e.getMessage().startsWith(file) || e instanceof RefusedCheckpointException) throw e;
            throw new CheckpointException(file + " cannot be imported as " + arch.key() + ": " + e.getMessage(), e);
        }
    }

    private static Imported importStateDict(StateDict sd, Path checkpoint, ImportArchitecture arch, Path target, String sha256,
            Consumer<String> progress) throws ColorizeException {
        String name = target.getFileName().toString();
        NetworkSpec spec = arch.spec(sd);
        List<String> notes = new ArrayList<>();
        String bins = spec.bins(sd, notes);
        progress.accept(String.format(Locale.ROOT, "%s: %d tensors, %s format, width %s%s", arch.key(), sd.size(),
                sd.format().description(), spec.width(), spec.classes() > 0 ? ", " + spec.classes() + "-bin class head" : ""));
        Path temp = prepareTemporary(target);
        try {
            Built built = buildAndExport(sd, spec, temp, notes, checkpoint.getFileName().toString());
            progress.accept(String.format(Locale.ROOT, "exported; DJL reproduces the graph to %.2g ab", built.difference));
            ModelCard card = card(name, arch, spec, bins, checkpoint, sha256, sd, built);
            ModelCards.write(card, temp);
            AtomicFiles.putInPlace(temp, target, false);
            notes.forEach(n -> progress.accept("note: " + n));
            return new Imported(target, card, sha256, sd.format(), built.difference, List.copyOf(notes));
        } catch (IOException e) {
            throw new ColorizeException("Cannot write the model folder " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A network exported and checked: its parameter count and the export's largest difference from the graph. */
    record Built(long parameters, double difference) {}

    static Built buildAndExport(StateDict sd, NetworkSpec spec, Path temp, List<String> notes, String file)
            throws ColorizeException {
        TfNatives.load();
        float[] probe = probe();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            NetworkSpec.Serving serving = spec.serving(store);
            try (WeightLoader.Loaded loaded = WeightLoader.load(sd, store, spec.layers())) {
                store.load(s, loaded.values(), true);
                notes.addAll(loaded.notes());
            }
            float[] expected;
            try (TFloat32 l = Tensors.of(Shape.of(1, PROBE_SIZE, PROBE_SIZE, 1), probe);
                    Result r = s.runner().feed(serving.l(), l).fetch(serving.ab()).run()) {
                expected = new float[(int) r.get(0).shape().size()];
                ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(expected);
            }
            SavedModelExport.export(temp, s, st -> spec.serving(st).signature());
            float[] got = ExportCheck.ab(temp, probe, PROBE_SIZE, PROBE_SIZE);
            double difference = ExportCheck.maxAbsDifference(expected, got);
            if (!(difference <= EXPORT_TOLERANCE)) {
                throw new ColorizeException(String.format(Locale.ROOT, "The SavedModel exported from %s differs from the"
                        + " network before export by %.3g ab (allowed %.0e); no model was written.", file, difference, EXPORT_TOLERANCE));
            }
            return new Built(store.parameterCount(), difference);
        }
    }

    /** A smooth L pattern with every value from dark to light, so every layer sees varied input. */
    static float[] probe() {
        return probe(PROBE_SIZE, 0);
    }

    /** The pattern of {@link #probe()} at side {@code n}, shifted by {@code phase}. */
    static float[] probe(int n, double phase) {
        float[] l = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double v = 50 + 35 * Math.sin(x * 0.21 + phase) * Math.cos(y * 0.13) + 12 * Math.sin((x + 2 * y) * 0.7 + phase);
                l[y * n + x] = (float) Math.max(0, Math.min(100, v));
            }
        }
        return l;
    }

    private static ModelCard card(String name, ImportArchitecture arch, NetworkSpec spec, String bins, Path checkpoint,
            String sha256, StateDict sd, Built built) {
        JsonObject imported = new JsonObject();
        imported.addProperty("file", checkpoint.getFileName().toString());
        imported.addProperty("sha256", sha256);
        imported.addProperty("format", sd.format().description());
        imported.addProperty("architecture", arch.key());
        imported.addProperty("tensors", sd.size());
        imported.addProperty("importer", "colorize import (org.colorize.importer)");
        JsonObject check = new JsonObject();
        check.addProperty("what", "the SavedModel through DJL vs the network before export, on a " + PROBE_SIZE + "x" + PROBE_SIZE
                + " L pattern");
        check.addProperty("max_abs_difference_ab", built.difference);
        imported.add("export_check", check);
        ModelCardBuilder b = ModelCards.builder(name).version("imported-" + sha256.substring(0, 12)).kind(ModelCard.FULL_IMAGE)
                .component(ModelCard.FULL_IMAGE, c -> {
                    c.architecture(arch.cardArchitecture()).width(spec.width()).parameters(built.parameters)
                            .input(SavedModelExport.INPUT, InputEncoding.L, INPUT_SIZE)
                            .output(SavedModelExport.OUTPUT_AB, OutputEncoding.AB);
                    if (bins != null) c.output(SavedModelExport.OUTPUT_LOGITS, OutputEncoding.AB_BINS_LOGITS, bins, AnnealedMean.ZHANG_TEMPERATURE);
                })
                .license(LICENSE).source(arch.source()).field("import", imported);
        b.trainingData(new JsonPrimitive(arch == ImportArchitecture.ECCV16 || arch == ImportArchitecture.SIGGRAPH17
                ? "ImageNet (as published by the authors)" : "ImageNet, fine-tuned on COCO-Stuff (as published by the authors)"));
        return b.build();
    }

    static Path prepareTemporary(Path target) throws ColorizeException {
        try {
            Files.createDirectories(target.getParent());
            return AtomicFiles.temporarySibling(target);
        } catch (IOException e) {
            throw new ColorizeException("Cannot create " + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path temp) {
        try {
            AtomicFiles.deleteTree(temp);
        } catch (IOException ignored) {
            // a leftover hidden *.part folder is safe to delete by hand
        }
    }

    static String sha256(Path file) throws ColorizeException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ColorizeException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
