package org.colorize.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Tensors;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Turns a state dict into values for every model variable of a built network, through the
 * network's {@link LayerMap}s: each tensor's shape is checked against the variable's (naming the
 * key and both shapes when they differ), conv weights are transposed from PyTorch's layouts, and
 * every key of the file must be used, except {@code num_batches_tracked}.
 */
final class WeightLoader {
    /** Values by variable name, ready for {@link ParameterStore#load}; the caller closes them. */
    record Loaded(Map<String, TFloat32> values, List<String> notes) implements AutoCloseable {
        @Override
        public void close() {
            values.values().forEach(TFloat32::close);
        }
    }

    private WeightLoader() {
    }

    static Loaded load(StateDict sd, ParameterStore<TFloat32> store, List<LayerMap> layers) throws CheckpointException {
        return load(sd, store, layers, List.of(), true);
    }

    /**
     * Like {@link #load(StateDict, ParameterStore, List)}, for a network whose weights come from
     * several files: with {@code everyVariable} false, variables of layers not in {@code layers} are
     * left to another file (the caller's {@link ParameterStore#load} with {@code requireAll} finds any
     * that no file gave). Keys starting with one of {@code unusedPrefixes} are weights the published
     * forward pass never reads; they are skipped (a note names them), any other unused key is an error.
     */
    static Loaded load(StateDict sd, ParameterStore<TFloat32> store, List<LayerMap> layers, List<String> unusedPrefixes,
            boolean everyVariable) throws CheckpointException {
        Map<String, LayerMap> byLayer = new LinkedHashMap<>();
        layers.forEach(l -> byLayer.put(l.layer(), l));
        Set<String> unused = new LinkedHashSet<>(sd.keys());
        unused.removeIf(k -> k.endsWith(".num_batches_tracked"));
        Set<String> skipped = new LinkedHashSet<>();
        for (String prefix : unusedPrefixes) {
            if (unused.removeIf(k -> k.startsWith(prefix))) skipped.add(prefix + "*");
        }
        Map<String, TFloat32> values = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Set<String> withoutAffine = new LinkedHashSet<>();
        try {
            for (var entry : store.entries().values()) {
                if (!ParameterStore.MODEL.contains(entry.kind())) continue;
                String name = entry.name();
                int slash = name.lastIndexOf('/');
                LayerMap layer = byLayer.get(name.substring(0, slash));
                if (layer == null && !everyVariable) continue;
                if (layer == null) throw new IllegalStateException("no checkpoint key for variable " + name);
                String leaf = name.substring(slash + 1);
                String key = layer.key(leaf);
                long[] ours = entry.shape().asArray();
                var tensor = sd.get(key);
                if (tensor.isEmpty() && layer.kind() == LayerMap.Kind.BATCH_NORM && (leaf.equals("gamma") || leaf.equals("beta"))) {
                    withoutAffine.add(layer.prefix());
                    float[] v = new float[(int) ours[0]];
                    if (leaf.equals("gamma")) Arrays.fill(v, 1f);
                    values.put(name, Tensors.of(Shape.of(ours), v));
                    continue;
                }
                if (tensor.isEmpty()) {
                    throw new CheckpointException("it has no tensor " + key + " (for layer " + layer.layer() + "): is --arch right?");
                }
                unused.remove(key);
                long[] expected = torchShape(ours);
                if (!Arrays.equals(expected, tensor.get().shape())) {
                    throw new CheckpointException(key + " is " + tensor.get().shapeText() + " but the network it describes needs "
                            + Arrays.toString(expected) + " there");
                }
                float[] v = tensor.get().floats();
                values.put(name, Tensors.of(Shape.of(ours), ours.length == 4 ? toHwio(v, ours) : v));
            }
        } catch (CheckpointException | RuntimeException e) {
            values.values().forEach(TFloat32::close);
            throw e;
        }
        if (!unused.isEmpty()) {
            values.values().forEach(TFloat32::close);
            throw new CheckpointException("it has " + unused.size() + " tensors the network does not use (" + unused.stream().limit(8).toList()
                    + (unused.size() > 8 ? " …" : "") + "): is --arch right?");
        }
        if (!skipped.isEmpty()) notes.add("weights the published forward pass does not use, left out: " + skipped);
        if (!withoutAffine.isEmpty()) notes.add("batch norms without affine parameters (gamma 1, beta 0): " + withoutAffine);
        return new Loaded(values, notes);
    }

    /**
     * The PyTorch shape of our 4-D weight [kh, kw, b, a]: [a, b, kh, kw]. For a conv (ours HWIO)
     * that is OIHW; for a transposed conv (ours [k, k, out, in]) it is [in, out, k, k]. One rule.
     */
    static long[] torchShape(long[] ours) {
        return ours.length == 4 ? new long[] {ours[3], ours[2], ours[0], ours[1]} : ours.clone();
    }

    /** torch[a][b][h][w] → ours[h][w][b][a]. */
    static float[] toHwio(float[] torch, long[] ours) {
        int kh = (int) ours[0];
        int kw = (int) ours[1];
        int nb = (int) ours[2];
        int na = (int) ours[3];
        float[] out = new float[torch.length];
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                for (int h = 0; h < kh; h++) {
                    for (int w = 0; w < kw; w++) {
                        out[((h * kw + w) * nb + b) * na + a] = torch[((a * nb + b) * kh + h) * kw + w];
                    }
                }
            }
        }
        return out;
    }
}
