package org.colorize.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.colorize.importer.AllowedGlobal.StorageClass;
import org.colorize.importer.PyContainer.Tuple;

/**
 * PyTorch's persistent ids for storages: {@code ('storage', torch.FloatStorage, key, location,
 * numel)} in the zip format, with a sixth element {@code view_metadata} in the legacy format
 * (None unless the storage is a view, which only PyTorch before 0.4 wrote). The same key always
 * means the same storage.
 */
final class StoragePids implements PickleMachine.PersistentLoader {
    /** Storage keys are numbers (zip) or decimal object ids (legacy); nothing that could be a path. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final StorageSource source;
    private final int maxStorages;
    private final Map<String, Storage> storages = new HashMap<>();

    StoragePids(StorageSource source, int maxStorages) {
        this.source = source;
        this.maxStorages = maxStorages;
    }

    @Override
    public Object load(Object pid) throws CheckpointException {
        if (!(pid instanceof Tuple t) || t.size() < 5 || t.size() > 6 || !"storage".equals(t.items.get(0))) {
            throw new CheckpointException("persistent id " + pid + " is not a PyTorch storage ('storage', type, key, location, size)");
        }
        List<Object> a = t.items;
        if (!(a.get(1) instanceof StorageClass type)) {
            throw new CheckpointException("storage type is a " + PickleMachine.typeOf(a.get(1)) + ", not a torch storage class");
        }
        if (!(a.get(2) instanceof String key) || !KEY.matcher(key).matches()) {
            throw new CheckpointException("storage key " + a.get(2) + " is not a plain name");
        }
        if (!(a.get(4) instanceof Long elements) || elements < 0) {
            throw new CheckpointException("storage '" + key + "' has size " + a.get(4));
        }
        if (a.size() == 6 && a.get(5) != PyNone.NONE) {
            throw new CheckpointException("storage '" + key + "' is a view of another storage, which only PyTorch before 0.4"
                    + " wrote; load and save the file with a newer PyTorch first");
        }
        Storage known = storages.get(key);
        if (known != null) {
            if (known.type() != type.type() || known.elements() != elements) {
                throw new CheckpointException("storage '" + key + "' is declared twice, as " + known + " and as "
                        + type.type() + " of " + elements);
            }
            return known;
        }
        if (storages.size() >= maxStorages) throw new RefusedCheckpointException("refused: more than " + maxStorages + " storages");
        Storage s = source.declare(key, type.type(), elements);
        storages.put(key, s);
        return s;
    }

    Map<String, Storage> declared() {
        return storages;
    }
}
