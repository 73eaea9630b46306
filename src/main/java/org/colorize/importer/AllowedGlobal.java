package org.colorize.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The only globals a checkpoint's pickle may name: what {@code torch.save(model.state_dict())}
 * writes. Each one that can be called (REDUCE, NEWOBJ) builds a Java value here; nothing is ever
 * looked up by the names in the file, so a checkpoint cannot run code. The storage classes
 * ({@code torch.FloatStorage} …) only appear inside persistent ids and are never called.
 */
enum AllowedGlobal {
    ORDERED_DICT("collections", "OrderedDict"),
    REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2"),
    REBUILD_PARAMETER("torch._utils", "_rebuild_parameter");

    private final String module;
    private final String name;

    AllowedGlobal(String module, String name) {
        this.module = module;
        this.name = name;
    }

    String qualifiedName() {
        return module + "." + name;
    }

    /** A storage class named by a pickle, e.g. {@code torch.HalfStorage}. */
    record StorageClass(StorageType type) {
        @Override
        public String toString() {
            return "torch." + type.className();
        }
    }

    /**
     * The allowed global {@code module.name}: an {@link AllowedGlobal} or a {@link StorageClass}.
     *
     * @throws RefusedCheckpointException for every other global, naming it
     */
    static Object resolve(String module, String name) throws RefusedCheckpointException {
        for (AllowedGlobal g : values()) {
            if (g.module.equals(module) && g.name.equals(name)) return g;
        }
        if (module.equals("torch")) {
            StorageType type = StorageType.ofClassName(name);
            if (type != null) return new StorageClass(type);
        }
        throw new RefusedCheckpointException("refused: its pickle names the global " + module + "." + name
                + ", which a PyTorch state dict never needs (allowed: " + String.join(", ", allowedNames())
                + "). A pickle can run any function it names, so the file is not read further and nothing in it was run.");
    }

    static List<String> allowedNames() {
        List<String> names = new ArrayList<>();
        for (AllowedGlobal g : values()) names.add(g.qualifiedName());
        names.add("torch.*Storage");
        return names;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
