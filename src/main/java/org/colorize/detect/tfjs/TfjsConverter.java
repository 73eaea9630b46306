package org.colorize.detect.tfjs;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.proto.framework.AttrValue;
import org.tensorflow.proto.framework.GraphDef;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;
import org.tensorflow.proto.framework.TensorProto;

/**
 * TF.js graph model → TensorFlow SavedModel. Weights become float32/int32 Const nodes, TF.js-only
 * fused ops are split into standard ops, every op type is checked against {@link SupportedOps},
 * then the graph is imported into TensorFlow and exported with one serving signature.
 * TensorFlow's natives must be loaded first ({@code TensorFlowRuntime.engine()}).
 */
public final class TfjsConverter {
    private TfjsConverter() {
    }

    /** What an export produced: the signature's tensors with the static shapes TensorFlow inferred. */
    public record Exported(Path folder, Map<String, long[]> inputShapes, Map<String, long[]> outputShapes, int nodes) {
    }

    /** The standard-op GraphDef of a TF.js model, weights included. */
    public static GraphDef toGraphDef(TfjsGraphModel model) {
        GraphDef topology = model.topology();
        if (topology.hasLibrary() && topology.getLibrary().getFunctionCount() > 0) {
            throw new UnsupportedOperationException("the graph has a function library (control flow v2); the converter"
                    + " maps plain graphs only");
        }
        Set<String> names = new HashSet<>();
        topology.getNodeList().forEach(n -> names.add(n.getName()));
        Set<String> usedWeights = new HashSet<>();
        FusedOpSplitter splitter = new FusedOpSplitter(names::contains);
        GraphDef.Builder out = GraphDef.newBuilder();
        if (topology.hasVersions()) out.setVersions(topology.getVersions());
        for (NodeDef node : topology.getNodeList()) {
            SupportedOps.check(node.getName(), node.getOp());
            if (node.getOp().equals("Const")) {
                out.addNode(constant(node, model.weights()));
                usedWeights.add(node.getName());
            } else if (FusedOpSplitter.isFused(node.getOp())) {
                for (NodeDef part : splitter.split(node)) {
                    names.add(part.getName());
                    out.addNode(part);
                }
            } else {
                out.addNode(withoutInternalAttrs(node));
            }
        }
        for (String w : model.weights().keySet()) {
            if (!usedWeights.contains(w)) {
                throw new IllegalArgumentException("weight '" + w + "' has no Const node in the topology");
            }
        }
        return out.build();
    }

    /** Imports {@code graph}, checks the signature's tensors exist, and writes a SavedModel to {@code folder} (new). */
    public static Exported export(GraphDef graph, ServingSignature signature, Path folder) throws IOException {
        if (Files.exists(folder)) throw new IOException("export folder exists already: " + folder);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            try {
                g.importGraphDef(graph);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("TensorFlow refused the converted graph: " + e.getMessage(), e);
            }
            Signature.Builder sig = Signature.builder().key(ServingSignature.KEY);
            Map<String, long[]> inputShapes = new LinkedHashMap<>();
            Map<String, long[]> outputShapes = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : signature.inputs().entrySet()) {
                Operand<?> t = tensor(g, e.getValue());
                sig.input(e.getKey(), t);
                inputShapes.put(e.getKey(), t.shape().asArray());
            }
            for (Map.Entry<String, String> e : signature.outputs().entrySet()) {
                Operand<?> t = tensor(g, e.getValue());
                sig.output(e.getKey(), t);
                outputShapes.put(e.getKey(), t.shape().asArray());
            }
            SavedModelBundle.exporter(folder.toString()).withSession(s).withSignature(sig.build()).export();
            rewriteDeterministically(folder.resolve("saved_model.pb"));
            return new Exported(folder, inputShapes, outputShapes, graph.getNodeCount());
        }
    }

    /**
     * TensorFlow writes proto maps (node attributes) in hash order, so two exports of one graph
     * differ byte for byte; sorted keys make a re-conversion reproduce the committed file exactly.
     */
    private static void rewriteDeterministically(Path savedModel) throws IOException {
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(savedModel));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        model.writeTo(out);
        out.flush();
        Files.write(savedModel, bytes.toByteArray());
    }

    private static Operand<?> tensor(Graph g, String tensor) {
        var op = g.operation(ServingSignature.node(tensor));
        if (op == null) throw new IllegalArgumentException("the graph has no node '" + ServingSignature.node(tensor) + "'");
        return op.output(ServingSignature.index(tensor));
    }

    private static NodeDef constant(NodeDef node, Map<String, TensorProto> weights) {
        TensorProto value = weights.get(node.getName());
        if (value == null) {
            throw new IllegalArgumentException("Const node '" + node.getName() + "' has no entry in the weights manifest");
        }
        return NodeDef.newBuilder().setName(node.getName()).setOp("Const").setDevice(node.getDevice())
                .putAttr("dtype", AttrValue.newBuilder().setType(value.getDtype()).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build())
                .build();
    }

    /** Attributes starting with '_' are TF-internal hints (grappler marks, colocation); the import needs none. */
    private static NodeDef withoutInternalAttrs(NodeDef node) {
        NodeDef.Builder b = node.toBuilder().clearAttr();
        node.getAttrMap().forEach((k, v) -> {
            if (!k.startsWith("_")) b.putAttr(k, v);
        });
        return b.build();
    }
}
