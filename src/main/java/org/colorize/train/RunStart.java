package org.colorize.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colorize.TrainException;

/**
 * Where a run continues from: the newest usable checkpoint (with {@code --resume}), else the
 * exported model in {@code out} (weights only), else a fresh start; and the options it continues
 * with.
 *
 * @param run         the run's id
 * @param step        completed steps
 * @param state       the checkpoint's state, or null
 * @param card        the exported model's card when resuming from it, or null
 * @param variables   the saved variables, or null for a fresh start
 * @param fullState   whether {@code variables} include the optimizer's slots (a checkpoint)
 * @param width       the network's width
 * @param head        the network's head
 * @param seed        the run's seed
 * @param wallSeconds training time of the earlier sessions
 */
record RunStart(String run, long step, JsonObject state, JsonObject card, Map<String, TrainingGraph.Variable> variables,
        boolean fullState, double width, Head head, long seed, double wallSeconds) {

    /** Settings a resumed run takes from its checkpoint (or card) unless given again. */
    static final List<String> RESTORED = List.of(TrainOptions.STEPS, TrainOptions.SIZE, TrainOptions.BATCH, TrainOptions.LR,
            TrainOptions.SCHEDULE, TrainOptions.VAL_EVERY, TrainOptions.CHECKPOINT_EVERY, TrainOptions.KINDS,
            TrainOptions.VAL_FRACTION, TrainOptions.FEATURES, TrainOptions.HINTS);

    /** Finds the start of a run of {@code o} writing to {@code out} with checkpoints in {@code checkpoints}. */
    static RunStart find(TrainOptions o, Path out, Path checkpoints, TrainingListener listener) throws TrainException {
        JsonObject outCard = Files.isDirectory(out) ? ModelExporter.readCard(out) : null;
        String outRun = runOf(outCard);
        Checkpoints.Snapshot snapshot = Checkpoints.latest(checkpoints);
        RunStart s = null;
        if (o.resume()) {
            if (snapshot != null) {
                s = fromSnapshot(o, checkpoints, listener);
            } else if (outRun != null) {
                s = fromModel(o, out, outCard, outRun, listener);
            } else {
                listener.message("nothing to resume (no checkpoint in " + checkpoints + ", no model trained by Colorize in "
                        + out + "): starting a new run");
            }
        }
        if (s == null) {
            if (snapshot != null) {
                if (!o.overwrite()) {
                    throw new TrainException(checkpoints + " holds the checkpoint of a run at step " + snapshot.step()
                            + ". Continue it with --resume, or start over with --overwrite (the checkpoint is replaced).");
                }
                try {
                    Checkpoints.clear(checkpoints);
                } catch (IOException e) {
                    throw new TrainException("Cannot clear the old checkpoints in " + checkpoints + ": " + e.getMessage(), e);
                }
            }
            if (Files.exists(out) && !o.overwrite()) {
                throw new TrainException("The model folder " + out + " exists. Continue training it with --resume, choose"
                        + " another --out, or replace it with --overwrite.");
            }
            s = new RunStart(UUID.randomUUID().toString(), 0, null, null, null, false, o.width(), o.head(), o.seed(), 0);
        }
        if (Files.exists(out) && !s.run().equals(outRun) && !o.overwrite()) {
            throw new TrainException("The model folder " + out + " holds a model that this run did not train"
                    + (outRun == null ? "" : " (run " + outRun + ")") + "; choose another --out or replace it with --overwrite.");
        }
        return s;
    }

    private static RunStart fromSnapshot(TrainOptions o, Path checkpoints, TrainingListener listener) throws TrainException {
        // newest first; an unreadable snapshot (damaged disk, edited files) falls back to the one before
        for (Path dir : Checkpoints.snapshots(checkpoints)) {
            try {
                JsonObject state = JsonParser.parseString(Files.readString(dir.resolve(Checkpoints.STATE))).getAsJsonObject();
                Checkpoints.Snapshot snap = new Checkpoints.Snapshot(dir, state.get("step").getAsLong(), state);
                Map<String, TrainingGraph.Variable> vars = Checkpoints.read(snap);
                double width = state.get("width").getAsDouble();
                Head head = Head.parse(state.get("head").getAsString());
                checkArchitecture(o, width, head, "checkpoint " + dir);
                long seed = state.get("seed").getAsLong();
                if (o.given().contains(TrainOptions.SEED) && o.seed() != seed) {
                    listener.message("note: --seed " + o.seed() + " replaces the run's seed " + seed
                            + " from here on (the batches differ from an uninterrupted run)");
                    seed = o.seed();
                }
                listener.message("resuming run " + state.get("run").getAsString() + " from " + dir + " (step "
                        + snap.step() + ", optimizer state and data order restored)");
                return new RunStart(state.get("run").getAsString(), snap.step(), state, null, vars, true, width, head, seed,
                        state.get("wall_time_s").getAsDouble());
            } catch (IOException | RuntimeException e) {
                listener.message("warning: checkpoint " + dir + " is unusable (" + e.getMessage() + "); trying an older one");
            }
        }
        throw new TrainException("No usable checkpoint in " + checkpoints + "; start over with --overwrite.");
    }

    private static RunStart fromModel(TrainOptions o, Path out, JsonObject card, String run, TrainingListener listener)
            throws TrainException {
        JsonObject training = card.getAsJsonObject("training");
        double width = TrainedModelCard.width(card).getAsDouble();
        Head head = Head.parse(training.get("head").getAsString());
        checkArchitecture(o, width, head, "the model in " + out);
        long steps = training.get("steps").getAsLong();
        long seed = o.given().contains(TrainOptions.SEED) ? o.seed() : training.get("seed").getAsLong();
        List<String> names = SemanticRecipe.of(width, head, o.features(), o.hints(), out).modelVariableNames();
        Map<String, TrainingGraph.Variable> weights = ModelExporter.readWeights(out, names);
        if (weights.size() != names.size()) {
            throw new TrainException("The model in " + out + " lacks " + (names.size() - weights.size())
                    + " of the network's variables; it cannot be resumed.");
        }
        listener.message("no checkpoint in " + o.checkpointFolder() + ": resuming from the exported model in " + out
                + " (step " + steps + "; weights only, Adam restarts)");
        double wall = training.has("wall_time_s") ? training.get("wall_time_s").getAsDouble() : 0;
        return new RunStart(run, steps, null, card, weights, false, width, head, seed, wall);
    }

    private static void checkArchitecture(TrainOptions o, double width, Head head, String where) throws TrainException {
        if (o.given().contains(TrainOptions.WIDTH) && o.width() != width) {
            throw new TrainException(where + " has width " + TrainOptions.fmt(width) + ", --width " + TrainOptions.fmt(o.width())
                    + " was asked for. Drop --width to continue it, or train a new model under another --out.");
        }
        if (o.given().contains(TrainOptions.HEAD) && o.head() != head) {
            throw new TrainException(where + " has a " + head.key() + " head, --head " + o.head().key()
                    + " was asked for. Drop --head to continue it, or train a new model under another --out.");
        }
    }

    /** The run id of a model card written by this trainer, or null. */
    static String runOf(JsonObject card) {
        if (card == null || !card.has("training") || !card.get("training").isJsonObject()) return null;
        JsonObject t = card.getAsJsonObject("training");
        return t.has("run") && TrainedModelCard.width(card).isPresent() && t.has("steps") && t.has("head")
                ? t.get("run").getAsString() : null;
    }

    /**
     * The options the run continues with: every {@link #RESTORED} key given explicitly before and
     * not given on this start comes from the checkpoint (or, resuming from a model, its card); the
     * architecture is the run's.
     */
    TrainOptions continuedOptions(TrainOptions o, TrainingListener listener) throws TrainException {
        Map<String, String> saved = new LinkedHashMap<>();
        if (state != null && state.has("settings")) {
            state.getAsJsonObject("settings").entrySet().forEach(e -> saved.put(e.getKey(), e.getValue().getAsString()));
        } else if (card != null) {
            JsonObject t = card.getAsJsonObject("training");
            if (t.has("target_steps")) saved.put(TrainOptions.STEPS, t.get("target_steps").getAsString());
            for (String k : List.of(TrainOptions.SIZE, TrainOptions.BATCH, TrainOptions.LR, TrainOptions.SCHEDULE)) {
                if (t.has(k)) saved.put(k, t.get(k).getAsString());
            }
        }
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> current = o.toMap();
        for (String k : TrainOptions.KEYS) {
            if (o.given().contains(k)) {
                merged.put(k, current.get(k));
            } else if (RESTORED.contains(k) && saved.containsKey(k)) {
                merged.put(k, saved.get(k));
            }
        }
        List<String> restored = new ArrayList<>();
        for (String k : RESTORED) {
            if (!o.given().contains(k) && saved.containsKey(k) && !saved.get(k).equals(current.get(k))) {
                restored.add("--" + k + " " + saved.get(k));
            }
        }
        TrainOptions r;
        try {
            r = TrainOptions.fromMap(merged);
        } catch (IllegalArgumentException e) {
            throw new TrainException("The saved settings of the run are invalid (" + e.getMessage() + ").", e);
        }
        if (!restored.isEmpty()) listener.message("continuing with the run's settings: " + String.join(" ", restored));
        return width != r.width() || head != r.head() ? r.withArchitecture(width, head) : r;
    }
}
