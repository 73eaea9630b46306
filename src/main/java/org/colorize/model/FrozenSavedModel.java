package org.colorize.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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
 * A SavedModel's serving graph with its variables folded into constants, written to a temporary
 * folder for DJL to load and deleted on {@link #close()}; the model folder itself is only read.
 * <p>
 * Why: TensorFlow's oneDNN convolutions cache the reordered filter only when the filter is a Const
 * (the MKL layout pass marks it {@code is_filter_const}); a filter read from a variable is reordered
 * again on every run. The project's exports keep variables (training resumes from them), so inference
 * folds them here. Measured on the shipped models (README, Serving): the same graph runs about a
 * quarter faster frozen.
 * <p>
 * A graph it cannot fold (resource variables, a dtype other than float or int, no serving signature)
 * or one without variables (the converted detector) is served as it is.
 */
public final class FrozenSavedModel implements AutoCloseable {
    /** {@code -Dcolorize.freeze=false} serves the variables as exported (for side-by-side benchmarks). */
    public static final String PROPERTY = "colorize.freeze";
    static final String TAG = "serve";
    private static final Set<String> VARIABLE_OPS = Set.of("VariableV2", "Variable");
    private static final Set<String> RESOURCE_OPS = Set.of("VarHandleOp", "ReadVariableOp", "AssignVariableOp");
    private static final Set<DataType> FOLDABLE = Set.of(DataType.DT_FLOAT, DataType.DT_DOUBLE, DataType.DT_INT32,
            DataType.DT_INT64);

    private final Path folder;
    private final Path temporary;
    private final int folded;

    private FrozenSavedModel(Path folder, Path temporary, int folded) {
        this.folder = folder;
        this.temporary = temporary;
        this.folded = folded;
    }

    /** The folder to load: the frozen copy, or {@code source} where nothing was folded. */
    public Path folder() {
        return folder;
    }

    /** How many variables became constants (0: {@link #folder()} is the source folder). */
    public int foldedVariables() {
        return folded;
    }

    /** Whether inference folds variables (on unless {@value #PROPERTY} is {@code false}). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
    }

    /**
     * The serving graph of the SavedModel in {@code source} with its variables as constants, or
     * {@code source} itself when {@link #enabled()} is off or the graph has nothing to fold.
     */
    public static FrozenSavedModel of(Path source) throws ColorizeException {
        if (!enabled()) return new FrozenSavedModel(source, null, 0);
        SavedModel model;
        try {
            model = SavedModel.parseFrom(Files.readAllBytes(source.resolve("saved_model.pb")));
        } catch (IOException e) {
            throw new ColorizeException("Cannot read " + source.resolve("saved_model.pb") + ": " + e.getMessage(), e);
        }
        MetaGraphDef meta = serving(model);
        if (meta == null) return new FrozenSavedModel(source, null, 0);
        Map<String, NodeDef> needed = neededNodes(meta);
        List<NodeDef> variables = needed.values().stream().filter(n -> VARIABLE_OPS.contains(n.getOp())).toList();
        boolean foldable = !variables.isEmpty()
                && needed.values().stream().noneMatch(n -> RESOURCE_OPS.contains(n.getOp()))
                && variables.stream().allMatch(n -> FOLDABLE.contains(n.getAttrOrThrow("dtype").getType()));
        if (!foldable) return new FrozenSavedModel(source, null, 0);
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
        SavedModel out = SavedModel.newBuilder().setSavedModelSchemaVersion(model.getSavedModelSchemaVersion())
                .addMetaGraphs(frozen).build();
        Path written = write(out);
        return new FrozenSavedModel(written, written, variables.size());
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

    /** Writes {@code model} as the only file of a new temporary folder (a SavedModel with no variables). */
    private static Path write(SavedModel model) throws ColorizeException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("colorize-frozen-");
            Path part = dir.resolve("saved_model.pb.part");
            Files.write(part, model.toByteArray());
            Files.move(part, dir.resolve("saved_model.pb"), StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            if (dir != null) delete(dir);
            throw new ColorizeException("Cannot write the frozen serving graph to a temporary folder: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (temporary != null) delete(temporary);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary folder " + dir, e);
        }
    }
}
