package org.colorize.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import org.colorize.Colorize;
import org.colorize.nn.ParameterStore;

/**
 * Writes the checkpoints of one run: every variable of the training graph and the state that,
 * with them, determines the rest of the run (see {@link Trainer}, "Stopping and resuming").
 */
final class RunCheckpoint {
    private final Trainer.Run run;

    RunCheckpoint(Trainer.Run run) {
        this.run = run;
    }

    /** Saves a snapshot at {@code step}; returns its folder. */
    Path save(long step, LossSmoother smoother, Validation validation) throws IOException {
        long t0 = System.nanoTime();
        Path dir = Checkpoints.save(run.checkpoints(), step, state(smoother, validation),
                run.graph().read(EnumSet.allOf(ParameterStore.Kind.class)));
        run.listener().checkpointed(step, dir);
        run.listener().message(String.format(Locale.ROOT, "checkpoint at step %d: %s (%.1f s)", step, dir,
                (System.nanoTime() - t0) / 1e9));
        return dir;
    }

    private JsonObject state(LossSmoother smoother, Validation validation) {
        TrainOptions o = run.options();
        RunStart start = run.start();
        JsonObject state = new JsonObject();
        state.addProperty("run", start.run());
        state.addProperty("trainer", Colorize.NAME + " " + Colorize.VERSION);
        state.addProperty("saved", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        state.addProperty("width", o.width());
        state.addProperty("head", o.head().key());
        state.addProperty("seed", start.seed());
        state.addProperty("wall_time_s", run.wallSeconds());
        smoother.save(state);
        JsonObject opts = new JsonObject();
        o.toMap().forEach(opts::addProperty);
        state.add("options", opts);
        JsonObject settings = new JsonObject(); // what was chosen explicitly, restored on --resume
        for (String k : RunStart.RESTORED) {
            if (o.given().contains(k)) settings.addProperty(k, o.toMap().get(k));
        }
        state.add("settings", settings);
        JsonObject d = new JsonObject();
        d.addProperty("folder", run.data().folder().toString());
        d.addProperty("fingerprint", run.data().fingerprint());
        d.addProperty("train", run.data().train().size());
        d.addProperty("validation", run.data().validation().size());
        state.add("data", d);
        if (run.targets().hasSoftBins()) {
            JsonArray a = new JsonArray();
            for (float w : run.targets().rebalancing()) a.add(w);
            state.add(ClassesRecipe.REBALANCING, a);
        }
        if (validation != null) state.add("last_validation", TrainedModelCard.validationJson(validation));
        return state;
    }
}
