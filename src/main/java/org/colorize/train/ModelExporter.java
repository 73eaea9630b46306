package org.colorize.train;

import org.colorize.files.AtomicFiles;
import org.colorize.TrainException;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.color.AbGamut;
import org.colorize.model.AbDecoder;
import org.colorize.model.AbField;
import org.colorize.model.ColorizationModel;
import org.colorize.model.LightnessBatch;
import org.colorize.runtime.DeviceChoice;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.ColorizeException;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained network as a model folder the rest of Colorize serves: a clean inference
 * SavedModel (fresh inference graph, weights copied by name, no optimizer state) plus its
 * {@code model.json} card, checked and installed atomically.
 *
 * <ol>
 *   <li>Everything is written into {@code .NAME.export-…/model} beside the target (a hidden folder the
 *       model registry does not list).</li>
 *   <li>The staged model is loaded through {@link ColorizationModel} exactly as colorization loads it,
 *       and its ab on every crop of a validation batch must match the training graph's inference branch to
 *       {@value #MAX_AB_DIFFERENCE} ab units; otherwise export fails and nothing is installed.</li>
 *   <li>The staged folder is renamed onto the target; an existing target (the same run's previous
 *       export, or any model with --overwrite) is first renamed aside and deleted afterwards.</li>
 * </ol>
 */
public final class ModelExporter {
    /** Largest allowed |Δab| between the exported model and the training graph. */
    public static final double MAX_AB_DIFFERENCE = 1e-3;
    private ModelExporter() {
    }

    /**
     * Exports the weights of {@code graph} with {@code card} to {@code target}.
     *
     * @param check   a validation batch to compare on
     * @param expected the inference branch's output on {@code check} ({@link TrainingGraph#evaluate})
     * @return the largest |Δab| found
     */
    public static double export(TrainingGraph graph, ModelCard card, Path target, Batch check,
            TrainingGraph.Evaluation expected) throws TrainException {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            cleanStale(parent, dir.getFileName().toString());
            staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".export-");
            Path model = staging.resolve("model");
            graph.exportInference(model);
            ModelCards.write(keepInstallChoices(dir, card), model);
            forceToDisk(model.resolve(ModelCard.FILE_NAME));
            double diff = verify(model, graph.recipe(), check, expected);
            AtomicFiles.putFolderInPlace(model, dir, true);
            Checkpoints.syncDirectory(parent);
            return diff;
        } catch (IOException | RuntimeException e) {
            throw new TrainException("Cannot export the model to " + target + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                try {
                    AtomicFiles.deleteTree(staging);
                } catch (IOException e) {
                    // a hidden leftover folder, removed by the next export
                }
            }
        }
    }

    /**
     * Card fields that are the installer's choice, not the training's, survive a re-export into
     * the same folder: {@code default} (the model used when none is named). Measured metrics do not
     * carry over: they belong to the old weights.
     */
    static ModelCard keepInstallChoices(Path dir, ModelCard card) {
        if (card.isDefault() || !Files.isRegularFile(dir.resolve(ModelCard.FILE_NAME))) return card;
        try {
            return ModelCards.read(dir).isDefault() ? ModelCards.builder(card).isDefault(true).build() : card;
        } catch (ColorizeException unreadable) {
            return card; // an unreadable old card chose nothing
        }
    }

    /** The card's bytes reach the disk before the folder is renamed into place. */
    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Removes leftovers of interrupted exports of this model; restores a target lost between the two renames. */
    private static void cleanStale(Path parent, String name) throws IOException {
        AtomicFiles.restoreReplaced(parent.resolve(name));
        try (var s = Files.list(parent)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("." + name + ".export-")).toList()) {
                AtomicFiles.deleteTree(p);
            }
        }
    }

    /** Loads the staged model like colorization does and compares its ab with the training graph's. */
    static double verify(Path model, TrainingRecipe recipe, Batch check, TrainingGraph.Evaluation expected)
            throws TrainException {
        int s = check.size();
        int n = check.count();
        double worst = 0;
        try (ColorizationModel loaded = ColorizationModel.load(model, DeviceChoice.CPU)) {
            double temperature = loaded.card().temperature();
            AbGamut bins = loaded.card().outputBins();
            for (int i = 0; i < n; i++) {
                float[] l = new float[s * s];
                System.arraycopy(check.l(), i * s * s, l, 0, s * s);
                Map<String, List<float[]>> extras = new LinkedHashMap<>();
                for (Map.Entry<String, float[]> e : check.features().entrySet()) {
                    int per = e.getValue().length / n;
                    float[] one = new float[per];
                    System.arraycopy(e.getValue(), i * per, one, 0, per);
                    extras.put(e.getKey(), List.of(one));
                }
                AbField got = loaded.predict(new LightnessBatch(s, List.of(l), extras), temperature).get(0);
                float[] want = expectedAb(recipe, expected, i, bins, temperature);
                if (got.ab().length != want.length) {
                    throw new TrainException("Exported model returns " + got.ab().length / 2 + " ab pixels per image, the"
                            + " training graph " + want.length / 2 + ".");
                }
                for (int k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs(got.ab()[k] - want[k]));
            }
        } catch (ColorizeException e) {
            throw new TrainException("The exported model does not load: " + e.getMessage(), e);
        }
        if (!(worst <= MAX_AB_DIFFERENCE)) {
            throw new TrainException(String.format(Locale.ROOT, "The exported model disagrees with the training graph by"
                    + " up to %.3g ab units (allowed %.0e); it was not installed.", worst, MAX_AB_DIFFERENCE));
        }
        return worst;
    }

    /** Interleaved ab of image {@code i} of an inference-branch result over the card's {@code bins}, decoded as the runtime decodes it. */
    static float[] expectedAb(TrainingRecipe recipe, TrainingGraph.Evaluation e, int i, AbGamut bins, double temperature) {
        return AbDecoder.decode(e.image(i), e.grid() * e.grid(), recipe.outputEncoding(), bins, temperature);
    }

    /**
     * The card of the model in {@code folder} as JSON in the current schema, or null when there is
     * none or it is unreadable.
     */
    static JsonObject readCard(Path folder) {
        try {
            return ModelCards.read(folder).json();
        } catch (ColorizeException e) {
            return null;
        }
    }

    /**
     * The model variables of an exported SavedModel, by the names in {@code names} (those it lacks
     * are left out): how a run resumes from its exported model once the checkpoints are gone.
     */
    static Map<String, TrainingGraph.Variable> readWeights(Path folder, List<String> names) throws TrainException {
        return readVariables(folder, graph -> names);
    }

    /** Every variable of an exported SavedModel, by name. */
    static Map<String, TrainingGraph.Variable> readAllWeights(Path folder) throws TrainException {
        return readVariables(folder, graph -> {
            List<String> names = new java.util.ArrayList<>();
            graph.operations().forEachRemaining(op -> {
                if (op.type().equals("VariableV2")) names.add(op.name());
            });
            return names;
        });
    }

    private static Map<String, TrainingGraph.Variable> readVariables(Path folder,
            java.util.function.Function<org.tensorflow.Graph, List<String>> namesOf) throws TrainException {
        Map<String, TrainingGraph.Variable> out = new LinkedHashMap<>();
        try (SavedModelBundle bundle = SavedModelBundle.load(folder.toString(), "serve")) {
            Session s = bundle.session();
            for (String name : namesOf.apply(bundle.graph())) {
                if (bundle.graph().operation(name) == null) continue;
                try (Result r = s.runner().fetch(name).run()) {
                    Tensor t = r.get(0);
                    float[] v = new float[Math.toIntExact(t.shape().size())];
                    ((TFloat32) t).asRawTensor().data().asFloats().read(v);
                    out.put(name, new TrainingGraph.Variable(t.shape().asArray(), v));
                }
            }
        } catch (RuntimeException e) {
            throw new TrainException("Cannot read the weights of the model in " + folder + ": " + e.getMessage(), e);
        }
        return out;
    }
}
