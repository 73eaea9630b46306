package org.colorize.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.importer.PyContainer.Dict;

/**
 * Reads a PyTorch checkpoint ({@code .pth}, {@code .pt}) of either format into a
 * {@link StateDict}, in pure Java and without running anything the file contains.
 *
 * <pre>{@code
 * try (StateDict sd = PthReader.read(Path.of("siggraph17-df00044c.pth"))) {
 *     float[] w = sd.get("model1.0.weight").orElseThrow().floats();   // [64, 4, 3, 3], row-major
 * }
 * }</pre>
 *
 * The object must be a dict of tensors ({@code torch.save(model.state_dict(), f)}), or a dict
 * holding one under {@code state_dict}, {@code model} or {@code net} (training checkpoints).
 * Entries that are not tensors are skipped.
 */
public final class PthReader {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int PICKLE_PROTO = 0x80;
    private static final List<String> NESTED_KEYS = List.of("state_dict", "model", "net");

    private PthReader() {
    }

    /** Reads {@code file} with {@link PickleLimits#standard()}; errors name the file. */
    public static StateDict read(Path file) throws CheckpointException {
        return read(file, PickleLimits.standard());
    }

    public static StateDict read(Path file, PickleLimits limits) throws CheckpointException {
        String name = String.valueOf(file.getFileName());
        try {
            return readUnnamed(file, limits);
        } catch (RefusedCheckpointException e) {
            throw new RefusedCheckpointException(name + " " + e.getMessage());
        } catch (CheckpointException e) {
            throw new CheckpointException(name + " cannot be imported: " + e.getMessage(), e);
        }
    }

    private static StateDict readUnnamed(Path file, PickleLimits limits) throws CheckpointException {
        byte[] head = head(file);
        if (startsWith(head, ZIP_MAGIC)) {
            ZipCheckpoint zip = ZipCheckpoint.open(file);
            try {
                StoragePids pids = new StoragePids(zip, limits.maxTensors());
                Object object = new PickleMachine(limits, pids).load(zip.pickle(limits.maxPickleBytes()));
                return new StateDict(tensors(object, limits), CheckpointFormat.ZIP, zip);
            } catch (CheckpointException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }
        if (head.length > 0 && (head[0] & 0xff) == PICKLE_PROTO) {
            LegacyCheckpoint legacy = LegacyCheckpoint.open(file);
            try {
                Object object = legacy.read(limits);
                return new StateDict(tensors(object, limits), CheckpointFormat.LEGACY, legacy);
            } catch (CheckpointException | RuntimeException e) {
                legacy.close();
                throw e;
            }
        }
        throw new CheckpointException("it is neither a zip archive nor a pickle: not a PyTorch checkpoint");
    }

    private static Map<String, TorchTensor> tensors(Object object, PickleLimits limits) throws CheckpointException {
        if (!(object instanceof Dict dict)) {
            throw new CheckpointException("it holds a " + PickleMachine.typeOf(object) + ", not a state dict");
        }
        Map<String, TorchTensor> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : dict.items.entrySet()) {
            if (e.getKey() instanceof String key && e.getValue() instanceof TorchTensor t) out.put(key, t);
        }
        if (out.isEmpty()) {
            for (String nested : NESTED_KEYS) {
                if (dict.items.get(nested) instanceof Dict inner) return tensors(inner, limits);
            }
            List<String> keys = new ArrayList<>();
            dict.items.keySet().stream().limit(10).forEach(k -> keys.add(String.valueOf(k)));
            throw new CheckpointException("its dict holds no tensors (keys: " + keys + ")");
        }
        return out;
    }

    private static byte[] head(Path file) throws CheckpointException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ZIP_MAGIC.length);
        } catch (IOException e) {
            throw new CheckpointException("cannot read it: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }
}
