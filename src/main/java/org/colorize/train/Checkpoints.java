package org.colorize.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.colorize.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Training checkpoints: one folder per snapshot, {@code step-NNNNNNNNN/}, holding
 * {@code variables.bin} (every variable of the training graph: parameters, batch-norm statistics,
 * Adam's moments and β powers, as raw little-endian float32 in the order listed in the state) and
 * {@code state.json} (step, run id, options, data fingerprint, class-rebalancing weights, loss EMA,
 * wall time, the variable index and a CRC-32 of the values).
 *
 * <p>A snapshot is written into a hidden temporary folder, synced to disk and then renamed into
 * place in one step, so a run killed at any moment leaves only complete snapshots (and maybe a
 * temporary folder, removed on the next save). The newest two are kept.
 */
public final class Checkpoints {
    static final String PREFIX = "step-";
    static final String STATE = "state.json";
    static final String VARIABLES = "variables.bin";
    static final String LOG = "log.csv";
    static final int KEEP = 2;
    static final int FORMAT = 1;
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    private Checkpoints() {
    }

    /** A complete snapshot on disk. */
    public record Snapshot(Path dir, long step, JsonObject state) {
    }

    /**
     * Writes a snapshot of {@code variables} at {@code step} with {@code state} (the index and checksum
     * are added) into {@code folder}; returns its folder.
     */
    public static Path save(Path folder, long step, JsonObject state, Map<String, TrainingGraph.Variable> variables)
            throws IOException {
        Files.createDirectories(folder);
        removeTemporaries(folder);
        Path target = folder.resolve(String.format(Locale.ROOT, "%s%09d", PREFIX, step));
        // created by name (not createTempDirectory, which makes it private): the snapshot keeps the umask's permissions
        Path tmp = Files.createDirectory(folder.resolve(".tmp-" + PREFIX + step + "-" + System.nanoTime()));
        try {
            CRC32 crc = new CRC32();
            JsonArray index = new JsonArray();
            try (FileChannel ch = FileChannel.open(tmp.resolve(VARIABLES), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (Map.Entry<String, TrainingGraph.Variable> e : variables.entrySet()) {
                    float[] v = e.getValue().values();
                    ByteBuffer buf = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                    buf.asFloatBuffer().put(v);
                    crc.update(buf.array());
                    while (buf.hasRemaining()) ch.write(buf);
                    JsonObject entry = new JsonObject();
                    entry.addProperty("name", e.getKey());
                    JsonArray shape = new JsonArray();
                    for (long d : e.getValue().shape()) shape.add(d);
                    entry.add("shape", shape);
                    index.add(entry);
                }
                ch.force(true);
            }
            JsonObject full = state.deepCopy();
            full.addProperty("format", FORMAT);
            full.addProperty("step", step);
            full.add("variables", index);
            full.addProperty("crc32", Long.toHexString(crc.getValue()));
            writeSynced(tmp.resolve(STATE), GSON.toJson(full));
            // the same step may be saved again (e.g. a stop right after a save): replace it
            AtomicFiles.putFolderInPlace(tmp, target, true);
            syncDirectory(folder);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteTree(tmp);
            throw e;
        }
        prune(folder);
        return target;
    }

    /** The newest complete snapshot in {@code folder}, or null. Unreadable ones are skipped. */
    public static Snapshot latest(Path folder) {
        for (Path dir : snapshots(folder)) {
            try {
                JsonObject state = JsonParser.parseString(Files.readString(dir.resolve(STATE), StandardCharsets.UTF_8))
                        .getAsJsonObject();
                if (!Files.isRegularFile(dir.resolve(VARIABLES))) continue;
                return new Snapshot(dir, state.get("step").getAsLong(), state);
            } catch (IOException | RuntimeException e) {
                // incomplete or damaged: try the one before
            }
        }
        return null;
    }

    /** Snapshot folders, newest first. */
    static List<Path> snapshots(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The variables of a snapshot, checked against its index and checksum. */
    public static Map<String, TrainingGraph.Variable> read(Snapshot snapshot) throws IOException {
        JsonArray index = snapshot.state().getAsJsonArray("variables");
        Map<String, TrainingGraph.Variable> out = new LinkedHashMap<>();
        CRC32 crc = new CRC32();
        try (FileChannel ch = FileChannel.open(snapshot.dir().resolve(VARIABLES), StandardOpenOption.READ)) {
            long expectedBytes = 0;
            for (JsonElement el : index) {
                JsonObject entry = el.getAsJsonObject();
                JsonArray shapeJson = entry.getAsJsonArray("shape");
                long[] shape = new long[shapeJson.size()];
                long n = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shapeJson.get(i).getAsLong();
                    n *= shape[i];
                }
                expectedBytes += 4 * n;
                ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(4 * n)).order(ByteOrder.LITTLE_ENDIAN);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) throw new IOException(VARIABLES + " in " + snapshot.dir() + " is truncated");
                }
                crc.update(buf.array());
                buf.flip();
                float[] v = new float[(int) n];
                buf.asFloatBuffer().get(v);
                out.put(entry.get("name").getAsString(), new TrainingGraph.Variable(shape, v));
            }
            if (ch.size() != expectedBytes) throw new IOException(VARIABLES + " in " + snapshot.dir() + " has the wrong size");
        }
        String want = snapshot.state().get("crc32").getAsString();
        if (!Long.toHexString(crc.getValue()).equals(want)) {
            throw new IOException(VARIABLES + " in " + snapshot.dir() + " is damaged (checksum mismatch)");
        }
        return out;
    }

    /** Removes every snapshot and the log of {@code folder} (starting over with --overwrite). */
    static void clear(Path folder) throws IOException {
        for (Path p : snapshots(folder)) AtomicFiles.deleteTree(p);
        removeTemporaries(folder);
        Files.deleteIfExists(folder.resolve(LOG));
    }

    private static void prune(Path folder) {
        List<Path> all = snapshots(folder);
        for (int i = KEEP; i < all.size(); i++) {
            try {
                AtomicFiles.deleteTree(all.get(i));
            } catch (IOException e) {
                // an old snapshot left behind costs only disk space
            }
        }
    }

    private static void removeTemporaries(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()) AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            // left for the next save
        }
    }

    static void writeSynced(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
    }

    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform can sync a directory; the rename is still atomic
        }
    }
}
