package org.colorize.train;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.colorize.nn.SemanticFusion;
import org.colorize.nn.Siggraph17Net;

/**
 * Every option of a training run, with its key (CLI {@code --key}, macro {@code key=}), default and
 * range. Front ends build options only through {@link #fromMap}, so a key means the same thing on the
 * command line and in a macro.
 *
 * @param data            folder of color images, searched recursively (jpg, png, tif, bmp)
 * @param out             the model folder to write (SavedModel + model.json); its name is the model's
 * @param steps           total optimizer steps of the run; a resumed run continues up to this count
 * @param size            crop side S in pixels (multiple of 8)
 * @param width           channel multiplier of the SIGGRAPH17 U-Net (1.0 = published widths)
 * @param head            regression (ab) or classes (313 ab bins)
 * @param batch           images per step
 * @param lr              Adam's base learning rate
 * @param schedule        learning rate over the steps
 * @param resume          continue from the last checkpoint (or from the model in {@code out})
 * @param checkpoint      checkpoint folder; null means {@code checkpoints/NAME} beside the models folder
 * @param valEvery        validate every this many steps; 0 means automatic (steps/20, 10..500)
 * @param checkpointEvery checkpoint every this many steps; 0 means the same as valEvery
 * @param seed            seeds initial weights, data order and augmentation
 * @param threads         TensorFlow intra-op threads; 0 means one per core
 * @param interOp         TensorFlow inter-op threads (1 or 2 are sensible)
 * @param maxMinutes      stop (checkpoint + export) after this much wall time; 0 means no limit
 * @param overwrite       allow replacing an existing model folder trained by another run
 * @param valFraction     fraction of the images held out for validation (at least one image)
 * @param kinds           manifest kinds to train on (e.g. scene, surface); empty means every image
 * @param features        detector features fused into the network (none, global, hypercolumns, both)
 * @param hints           the network takes user color hints ({@code HintInputs}), trained with simulated users
 * @param init            a model folder whose weights start a new run (by variable name; the rest
 *                        keep their initial values), or null
 * @param given           the keys that were given explicitly (the rest are defaults)
 */
public record TrainOptions(Path data, Path out, int steps, int size, double width, Head head, int batch, double lr,
        LrSchedule schedule, boolean resume, Path checkpoint, int valEvery, int checkpointEvery, long seed, int threads,
        int interOp, double maxMinutes, boolean overwrite, double valFraction, Set<String> kinds,
        SemanticFusion.Mode features, boolean hints, Path init, Set<String> given) {

    public static final String DATA = "data";
    public static final String OUT = "out";
    public static final String STEPS = "steps";
    public static final String SIZE = "size";
    public static final String WIDTH = "width";
    public static final String HEAD = "head";
    public static final String BATCH = "batch";
    public static final String LR = "lr";
    public static final String SCHEDULE = "schedule";
    public static final String RESUME = "resume";
    public static final String CHECKPOINT = "checkpoint";
    public static final String VAL_EVERY = "val-every";
    public static final String CHECKPOINT_EVERY = "checkpoint-every";
    public static final String SEED = "seed";
    public static final String THREADS = "threads";
    public static final String INTER_OP = "inter-op";
    public static final String MAX_MINUTES = "max-minutes";
    public static final String OVERWRITE = "overwrite";
    public static final String VAL_FRACTION = "val-fraction";
    public static final String KINDS = "kinds";
    public static final String FEATURES = "features";
    public static final String HINTS = "hints";
    public static final String INIT = "init";

    /** Every key, in usage order. */
    public static final List<String> KEYS = List.of(DATA, OUT, STEPS, SIZE, WIDTH, HEAD, BATCH, LR, SCHEDULE, RESUME,
            CHECKPOINT, VAL_EVERY, CHECKPOINT_EVERY, SEED, THREADS, INTER_OP, MAX_MINUTES, OVERWRITE, VAL_FRACTION, KINDS,
            FEATURES, HINTS, INIT);
    /** Keys that are flags (no value needed). */
    public static final Set<String> FLAGS = Set.of(RESUME, OVERWRITE, HINTS);
    /** Keys that fix the network's shape: a resumed run must not change them. */
    public static final Set<String> ARCHITECTURE = Set.of(WIDTH, HEAD, FEATURES, HINTS);

    public static final int DEFAULT_STEPS = 2000;
    public static final int DEFAULT_SIZE = 128;
    public static final double DEFAULT_WIDTH = 0.25;
    public static final int DEFAULT_BATCH = 16;
    public static final double DEFAULT_LR = 3e-4;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_INTER_OP = 1;
    public static final double DEFAULT_VAL_FRACTION = 0.05;

    public TrainOptions {
        given = Set.copyOf(given);
        kinds = Set.copyOf(kinds);
        if (data == null) throw new IllegalArgumentException("no data folder given (--data DIR)");
        if (out == null) throw new IllegalArgumentException("no output model folder given (--out models/NAME)");
        if (out.getFileName() == null || out.getFileName().toString().isBlank() || out.getFileName().toString().startsWith(".")) {
            throw new IllegalArgumentException("out must name a model folder such as models/my-model, was '" + out + "'");
        }
        check(steps >= 1 && steps <= 100_000_000, STEPS, "an integer >= 1", steps);
        checkSize(size);
        check(width >= 1.0 / 64 && width <= 2, WIDTH, "in 1/64..2", width);
        check(batch >= 1 && batch <= 1024, BATCH, "in 1..1024", batch);
        check(lr > 0 && lr < 1, LR, "in (0, 1)", lr);
        check(valEvery >= 0, VAL_EVERY, ">= 0 (0: automatic)", valEvery);
        check(checkpointEvery >= 0, CHECKPOINT_EVERY, ">= 0 (0: as val-every)", checkpointEvery);
        check(threads >= 0 && threads <= 1024, THREADS, "in 0..1024 (0: one per core)", threads);
        check(interOp >= 1 && interOp <= 64, INTER_OP, "in 1..64", interOp);
        check(maxMinutes >= 0, MAX_MINUTES, ">= 0 (0: no limit)", maxMinutes);
        checkValFraction(valFraction);
        if (head == null || schedule == null) throw new IllegalArgumentException("head and schedule must be given");
        if (features == null) features = SemanticFusion.Mode.NONE;
        if (hints && features == SemanticFusion.Mode.NONE) {
            throw new IllegalArgumentException(HINTS + " needs --features (hints are inputs of the semantic network)");
        }
    }

    /**
     * What decides which images a run holds out: the data folder, the kinds, the validation share and
     * the size the images are decoded for (the look-alike hashes come from the decoded images when the
     * folder has no manifest). Checked as the trainer's options are.
     */
    public record Split(Path data, int size, double valFraction, Set<String> kinds) {
        public Split {
            kinds = Set.copyOf(kinds);
            if (data == null) throw new IllegalArgumentException("no data folder given (--data DIR)");
            checkSize(size);
            checkValFraction(valFraction);
        }

        /** From {@value #DATA}, {@value #SIZE}, {@value #VAL_FRACTION} and {@value #KINDS}, with the trainer's defaults. */
        public static Split fromMap(Map<String, String> values) {
            String data = values.get(DATA);
            return new Split(data == null || data.isBlank() ? null : Paths.get(data), integer(values, SIZE, DEFAULT_SIZE),
                    number(values, VAL_FRACTION, DEFAULT_VAL_FRACTION), TrainOptions.kinds(values.get(KINDS)));
        }
    }

    private static void checkSize(int size) {
        check(size >= 16 && size <= 1024 && size % Siggraph17Net.SIZE_MULTIPLE == 0, SIZE,
                "a multiple of 8 in 16..1024 (the classes head needs a multiple of 4 at 1/4 too)", size);
    }

    private static void checkValFraction(double valFraction) {
        check(valFraction > 0 && valFraction < 0.5, VAL_FRACTION, "in (0, 0.5)", valFraction);
    }

    private static void check(boolean ok, String key, String range, Object value) {
        if (!ok) throw new IllegalArgumentException(key + " must be " + range + ", was " + value);
    }

    /** Options with every default, for {@code data} and {@code out}. */
    public static TrainOptions defaults(Path data, Path out) {
        return fromMap(Map.of(DATA, data.toString(), OUT, out.toString()));
    }

    /**
     * Options from key → value (flags: "true"/"false" or empty). Unknown keys are refused; a bad
     * value throws {@link IllegalArgumentException} naming its key.
     */
    public static TrainOptions fromMap(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown option " + k);
        }
        Set<String> given = new LinkedHashSet<>(values.keySet());
        String data = values.get(DATA);
        String out = values.get(OUT);
        return new TrainOptions(
                data == null || data.isBlank() ? null : Paths.get(data),
                out == null || out.isBlank() ? null : Paths.get(out),
                integer(values, STEPS, DEFAULT_STEPS),
                integer(values, SIZE, DEFAULT_SIZE),
                number(values, WIDTH, DEFAULT_WIDTH),
                values.containsKey(HEAD) ? Head.parse(values.get(HEAD)) : Head.REGRESSION,
                integer(values, BATCH, DEFAULT_BATCH),
                number(values, LR, DEFAULT_LR),
                values.containsKey(SCHEDULE) ? LrSchedule.parse(values.get(SCHEDULE)) : LrSchedule.CONSTANT,
                flag(values, RESUME),
                values.containsKey(CHECKPOINT) && !values.get(CHECKPOINT).isBlank() ? Paths.get(values.get(CHECKPOINT)) : null,
                integer(values, VAL_EVERY, 0),
                integer(values, CHECKPOINT_EVERY, 0),
                longValue(values, SEED, DEFAULT_SEED),
                integer(values, THREADS, 0),
                integer(values, INTER_OP, DEFAULT_INTER_OP),
                number(values, MAX_MINUTES, 0),
                flag(values, OVERWRITE),
                number(values, VAL_FRACTION, DEFAULT_VAL_FRACTION),
                kinds(values.get(KINDS)),
                values.containsKey(FEATURES) ? SemanticFusion.Mode.parse(values.get(FEATURES)) : SemanticFusion.Mode.NONE,
                flag(values, HINTS),
                values.containsKey(INIT) && !values.get(INIT).isBlank() ? Paths.get(values.get(INIT)) : null,
                given);
    }

    /** The options as key → value, every key present (for logs, state files and macro recording). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(DATA, data.toString());
        m.put(OUT, out.toString());
        m.put(STEPS, Integer.toString(steps));
        m.put(SIZE, Integer.toString(size));
        m.put(WIDTH, fmt(width));
        m.put(HEAD, head.key());
        m.put(BATCH, Integer.toString(batch));
        m.put(LR, fmt(lr));
        m.put(SCHEDULE, schedule.key());
        m.put(RESUME, Boolean.toString(resume));
        m.put(CHECKPOINT, checkpointFolder().toString());
        m.put(VAL_EVERY, Integer.toString(validationInterval()));
        m.put(CHECKPOINT_EVERY, Integer.toString(checkpointInterval()));
        m.put(SEED, Long.toString(seed));
        m.put(THREADS, Integer.toString(intraOpThreads()));
        m.put(INTER_OP, Integer.toString(interOp));
        m.put(MAX_MINUTES, fmt(maxMinutes));
        m.put(OVERWRITE, Boolean.toString(overwrite));
        m.put(VAL_FRACTION, fmt(valFraction));
        m.put(KINDS, String.join(",", new java.util.TreeSet<>(kinds)));
        m.put(FEATURES, features.key());
        m.put(HINTS, Boolean.toString(hints));
        m.put(INIT, init == null ? "" : init.toString());
        return m;
    }

    /** The model's name: the output folder's name. */
    public String name() {
        return out.getFileName().toString();
    }

    /** The checkpoint folder: as given, else {@code checkpoints/NAME} beside the folder holding the model. */
    public Path checkpointFolder() {
        if (checkpoint != null) return checkpoint.toAbsolutePath().normalize();
        Path models = out.toAbsolutePath().normalize().getParent();
        Path base = models.getParent() != null ? models.getParent() : models;
        return base.resolve("checkpoints").resolve(name());
    }

    /** Validation interval in steps: as given, or steps/20 within 10..500. */
    public int validationInterval() {
        if (valEvery > 0) return valEvery;
        return Math.max(1, Math.min(steps, Math.max(10, Math.min(500, steps / 20))));
    }

    /** Checkpoint interval in steps: as given, or the validation interval. */
    public int checkpointInterval() {
        return checkpointEvery > 0 ? checkpointEvery : validationInterval();
    }

    /** TensorFlow intra-op threads: as given, or one per available core. */
    public int intraOpThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public TrainOptions withResume(boolean r) {
        return new TrainOptions(data, out, steps, size, width, head, batch, lr, schedule, r, checkpoint, valEvery,
                checkpointEvery, seed, threads, interOp, maxMinutes, overwrite, valFraction, kinds, features, hints, init, given);
    }

    /** These options with the architecture ({@link #ARCHITECTURE} keys) of a run being resumed. */
    public TrainOptions withArchitecture(double w, Head h) {
        return new TrainOptions(data, out, steps, size, w, h, batch, lr, schedule, resume, checkpoint, valEvery,
                checkpointEvery, seed, threads, interOp, maxMinutes, overwrite, valFraction, kinds, features, hints, init, given);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("0+(e|$)", "$1").replaceAll("\\.(e|$)", "$1");
    }

    private static Set<String> kinds(String v) {
        Set<String> out = new LinkedHashSet<>();
        if (v == null) return out;
        for (String k : v.split(",")) {
            if (!k.isBlank()) out.add(k.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            double d = Double.parseDouble(v.trim()); // accepts 2e4
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new NumberFormatException();
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'");
        }
    }

    private static long longValue(Map<String, String> values, String key, long fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'");
        }
    }

    private static double number(Map<String, String> values, String key, double fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + v + "'");
        }
    }

    private static boolean flag(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) return false;
        if (v.isBlank() || v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")) return true;
        if (v.equalsIgnoreCase("false") || v.equals("0") || v.equalsIgnoreCase("no")) return false;
        throw new IllegalArgumentException(key + " is a flag (true or false), was '" + v + "'");
    }
}
