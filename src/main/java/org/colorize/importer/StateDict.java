package org.colorize.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tensors of a checkpoint by key, in the file's order (PyTorch's {@code state_dict()}).
 * Values are read from the file on demand, so it stays open until {@link #close()}.
 */
public final class StateDict implements AutoCloseable {
    private final Map<String, TorchTensor> tensors;
    private final CheckpointFormat format;
    private final AutoCloseable file;

    StateDict(Map<String, TorchTensor> tensors, CheckpointFormat format, AutoCloseable file) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.format = format;
        this.file = file;
    }

    public CheckpointFormat format() {
        return format;
    }

    public Set<String> keys() {
        return tensors.keySet();
    }

    public Optional<TorchTensor> get(String key) {
        return Optional.ofNullable(tensors.get(key));
    }

    public boolean has(String key) {
        return tensors.containsKey(key);
    }

    public int size() {
        return tensors.size();
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (Exception ignored) {
            // read-only file
        }
    }
}
