package org.colorize.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colorize.ColorizeException;
import org.colorize.runtime.TensorFlowRuntime;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.framework.AttrValue;
import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.proto.framework.DataType;
import org.tensorflow.proto.framework.GraphDef;
import org.tensorflow.proto.framework.MetaGraphDef;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;
import org.tensorflow.proto.framework.SignatureDef;
import org.tensorflow.proto.framework.TensorInfo;
import org.tensorflow.proto.framework.TensorProto;
import org.tensorflow.proto.framework.TensorShapeProto;

/**
 * A SavedModel's serving graph with its variables folded into constants, for DJL to load instead
 * of the model folder, which is only read. The frozen graph is written once per model version into
 * a cache folder ({@value #CACHE_PROPERTY}, by default beside DJL's TensorFlow natives), keyed by the
 * SHA-256 of {@code saved_model.pb} and {@code variables/variables.index} (which holds every
 * tensor's checksum), so that only a model's first load pays for the folding (about a second for
 * the default model).
 * <p>
 * Why: TensorFlow's oneDNN convolutions cache the reordered filter only when the filter is a Const
 * (the MKL layout pass marks it {@code is_filter_const}); a filter read from a variable is reordered
 * again on every run. The project's exports keep variables (training resumes from them), so inference
 * folds them here. Measured on the shipped models (README, Performance): the 64² net runs about a
 * quarter faster frozen, the instance-aware fused graph as well.
 * <p>
 * A graph it cannot fold (resource variables, a dtype other than float or int, no serving signature)
 * or one without variables is served from its own folder.
 */
public final class FrozenSavedModel {
    /** {@code -Dcolorize.freeze=false} serves the variables as exported (for side-by-side benchmarks). */
    public static final String PROPERTY = "colorize.freeze";
    /** Overrides the cache folder of frozen graphs (tests use a fresh one). */
    public static final String CACHE_PROPERTY = "colorize.frozenCache";
    static final String TAG = "serve";
    private static final Set<String> VARIABLE_OPS = Set.of("VariableV2", "Variable");
    private static final Set<String> RESOURCE_OPS = Set.of("VarHandleOp", "ReadVariableOp", "AssignVariableOp");
    private static final Set<DataType> FOLDABLE = Set.of(DataType.DT_FLOAT, DataType.DT_DOUBLE, DataType.DT_INT32,
            DataType.DT_INT64);

    private FrozenSavedModel() {}

    /** Whether inference folds variables (on unless {@value #PROPERTY} is {@code false}). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
    }

    /** The cache folder of frozen graphs. */
    static Path cacheRoot() {
        String own = System.getProperty(CACHE_PROPERTY);
        if (own != null && !own.isBlank()) return Path.of(own);
        return ai.djl.util.Utils.getEngineCacheDir("tensorflow").resolve("colorize-frozen");
    }

    /**
     * The folder to serve the SavedModel in {@code source} from: its frozen copy in the cache
     * (written on first use), or {@code source} itself when {@link #enabled()} is off, the model has no
     * variables index, or its graph has nothing to fold.
     */
    public static Path servingFolder(Path source) throws ColorizeException {
        if (!enabled()) return source;
        Path pb = source.resolve("saved_model.pb");
        Path index = source.resolve("variables").resolve("variables.index");
        if (!Files.isRegularFile(pb) || !Files.isRegularFile(index)) return source;
        byte[] pbBytes;
        String key;
        try {
            pbBytes = Files.readAllBytes(pb);
            key = sha256(pbBytes, Files.readAllBytes(index));
        } catch (IOException e) {
            throw new ColorizeException("Cannot read the SavedModel in " + source + ": " + e.getMessage(), e);
        }
        Path target = cacheRoot().resolve(key);
        if (Files.isRegularFile(target.resolve("saved_model.pb"))) return target;
        SavedModel frozen;
        try {
            frozen = freeze(SavedModel.parseFrom(pbBytes), source);
        } catch (IOException e) {
            throw new ColorizeException("Cannot read " + pb + ": " + e.getMessage(), e);
        }
        if (frozen == null) return source;
        // an optimization only: where the cache cannot be written (a read-only home) the variables are served
        return write(frozen, target) ? target : source;
    }

    /** {@code model}'s serving graph with its variables (read from {@code source}) as constants; null if it has nothing to fold. */
    static SavedModel freeze(SavedModel model, Path source) throws ColorizeException {
        MetaGraphDef meta = serving(model);
        if (meta == null) return null;
        Map<String, NodeDef> needed = neededNodes(meta);
        List<NodeDef> variables = needed.values().stream().filter(n -> VARIABLE_OPS.contains(n.getOp())).toList();
        boolean foldable = !variables.isEmpty()
                && needed.values().stream().noneMatch(n -> RESOURCE_OPS.contains(n.getOp()))
                && variables.stream().allMatch(n -> FOLDABLE.contains(n.getAttrOrThrow("dtype").getType()));
        if (!foldable) return null;
        Map<String, TensorProto> values = read(source, variables);
        GraphDef.Builder graph = GraphDef.newBuilder().setVersions(meta.getGraphDef().getVersions())
                .setLibrary(meta.getGraphDef().getLibrary());
        for (NodeDef node : meta.getGraphDef().getNodeList()) {
            if (!needed.containsKey(node.getName())) continue;
            TensorProto value = values.get(node.getName());
            graph.addNode(value == null ? node : constant(node, value));
        }
        MetaGraphDef frozen = MetaGraphDef.newBuilder().setMetaInfoDef(meta.getMetaInfoDef()).setGraphDef(graph)
                .putAllSignatureDef(meta.getSignatureDefMap()).build();
        return SavedModel.newBuilder().setSavedModelSchemaVersion(model.getSavedModelSchemaVersion()).addMetaGraphs(frozen).build();
    }

    private static String sha256(byte[]... parts) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(java.nio.ByteBuffer.allocate(8).putLong(p.length).array());
                d.update(p);
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MetaGraphDef serving(SavedModel model) {
        for (MetaGraphDef m : model.getMetaGraphsList()) {
            if (m.getMetaInfoDef().getTagsList().contains(TAG) && !m.getSignatureDefMap().isEmpty()) return m;
        }
        return null;
    }

    /** The nodes every signature output depends on (data and control inputs), by name. */
    static Map<String, NodeDef> neededNodes(MetaGraphDef meta) {
        Map<String, NodeDef> byName = new HashMap<>();
        for (NodeDef n : meta.getGraphDef().getNodeList()) byName.put(n.getName(), n);
        Deque<String> todo = new ArrayDeque<>();
        for (SignatureDef sig : meta.getSignatureDefMap().values()) {
            for (TensorInfo t : sig.getOutputsMap().values()) todo.add(nodeName(t.getName()));
            for (TensorInfo t : sig.getInputsMap().values()) todo.add(nodeName(t.getName()));
        }
        Map<String, NodeDef> needed = new HashMap<>();
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) continue;
            NodeDef node = byName.get(name);
            if (node == null) continue; // TensorFlow reports a dangling input when it imports the graph
            needed.put(name, node);
            for (String input : node.getInputList()) todo.add(nodeName(input));
        }
        return needed;
    }

    private static String nodeName(String tensor) {
        String n = tensor.startsWith("^") ? tensor.substring(1) : tensor;
        int colon = n.indexOf(':');
        return colon < 0 ? n : n.substring(0, colon);
    }

    /**
     * The variables' values as restored by TensorFlow's own loader. The session has its own thread
     * pools and no GPU, so that it neither sizes the process-wide pools DJL's sessions share nor
     * takes GPU memory.
     */
    private static Map<String, TensorProto> read(Path source, List<NodeDef> variables) throws ColorizeException {
        TensorFlowRuntime.engine();
        ConfigProto config = ConfigProto.newBuilder().setUsePerSessionThreads(true).setInterOpParallelismThreads(1)
                .putDeviceCount("GPU", 0).build();
        Map<String, TensorProto> values = new HashMap<>();
        try (SavedModelBundle bundle = SavedModelBundle.loader(source.toString()).withTags(TAG).withConfigProto(config).load()) {
            Session session = bundle.session();
            for (NodeDef v : variables) {
                try (Result r = session.runner().fetch(v.getName()).run()) {
                    values.put(v.getName(), proto(r.get(0), v.getAttrOrThrow("dtype").getType()));
                }
            }
        } catch (RuntimeException e) {
            throw new ColorizeException("Cannot read the variables of the SavedModel in " + source + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static TensorProto proto(Tensor t, DataType type) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : t.shape().asArray()) shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        byte[] bytes = new byte[Math.toIntExact(t.numBytes())];
        t.asRawTensor().data().read(bytes);
        return TensorProto.newBuilder().setDtype(type).setTensorShape(shape)
                .setTensorContent(com.google.protobuf.ByteString.copyFrom(bytes)).build();
    }

    private static NodeDef constant(NodeDef variable, TensorProto value) {
        return NodeDef.newBuilder().setName(variable.getName()).setOp("Const").setDevice(variable.getDevice())
                .putAttr("dtype", AttrValue.newBuilder().setType(value.getDtype()).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build()).build();
    }

    /**
     * Writes {@code model} as the only file of {@code target} (a SavedModel with no variables): into a
     * temporary sibling renamed into place, so that the folder is complete or absent; when another
     * process renamed its copy first, that one is used. False when the cache cannot be written.
     */
    private static boolean write(SavedModel model, Path target) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = org.colorize.files.AtomicFiles.temporarySibling(target);
            Files.createDirectory(temp);
            Files.write(temp.resolve("saved_model.pb"), model.toByteArray());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileSystemException raced) {
                if (!Files.isRegularFile(target.resolve("saved_model.pb"))) throw raced;
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        } finally {
            if (temp != null) deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            org.colorize.files.AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            // a leftover temporary folder in the cache is harmless: its name is never a cache key
        }
    }
}
