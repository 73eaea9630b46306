package org.colorize.detect.tfjs;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.tensorflow.proto.framework.AttrValue;
import org.tensorflow.proto.framework.DataType;
import org.tensorflow.proto.framework.NodeDef;

/**
 * Rewrites TF.js's fused ops into standard TensorFlow ops. {@code _FusedConv2D},
 * {@code FusedDepthwiseConv2dNative} and {@code _FusedMatMul} take (input, filter, args…) and
 * apply their {@code fused_ops} in order: BiasAdd and Add consume one arg each, Prelu one (alpha),
 * Relu/Relu6/Elu/Sigmoid/Tanh none, LeakyRelu reads {@code leakyrelu_alpha}. The last op of the
 * chain keeps the fused node's name, so its consumers still find it.
 */
final class FusedOpSplitter {
    private static final Set<String> CONV_ATTRS =
            Set.of("T", "strides", "padding", "explicit_paddings", "data_format", "dilations", "use_cudnn_on_gpu");
    private static final Set<String> DEPTHWISE_ATTRS =
            Set.of("T", "strides", "padding", "explicit_paddings", "data_format", "dilations");
    private static final Set<String> MATMUL_ATTRS = Set.of("T", "transpose_a", "transpose_b");

    private final Predicate<String> nameTaken;

    /** {@code nameTaken} says whether a node name already exists in the graph being built. */
    FusedOpSplitter(Predicate<String> nameTaken) {
        this.nameTaken = nameTaken;
    }

    static boolean isFused(String op) {
        return SupportedOps.FUSED.contains(op);
    }

    List<NodeDef> split(NodeDef fused) {
        if (fused.getOp().equals("Prelu")) {
            Chain chain = new Chain(fused, fused.getInput(0));
            chain.prelu(fused.getInput(1), true);
            return chain.nodes;
        }
        String base = switch (fused.getOp()) {
            case "_FusedConv2D" -> "Conv2D";
            case "FusedDepthwiseConv2dNative" -> "DepthwiseConv2dNative";
            case "_FusedMatMul" -> "MatMul";
            default -> throw new IllegalArgumentException("not a fused op: " + fused.getOp());
        };
        Set<String> keep = base.equals("Conv2D") ? CONV_ATTRS : base.equals("MatMul") ? MATMUL_ATTRS : DEPTHWISE_ATTRS;
        List<String> ops = fusedOps(fused);
        List<String> args = dataInputs(fused).subList(2, dataInputs(fused).size());
        int expectedArgs = (int) ops.stream().filter(o -> o.equals("BiasAdd") || o.equals("Add") || o.equals("AddV2")
                || o.equals("Prelu")).count();
        if (args.size() != expectedArgs) {
            throw new IllegalArgumentException("fused node '" + fused.getName() + "' has " + args.size()
                    + " extra inputs for fused_ops " + ops + ", expected " + expectedArgs);
        }
        Chain chain = new Chain(fused, null);
        NodeDef.Builder core = NodeDef.newBuilder().setOp(base).addInput(fused.getInput(0)).addInput(fused.getInput(1));
        copyAttrs(fused, core, keep);
        chain.add(core, ops.isEmpty());
        int arg = 0;
        for (int i = 0; i < ops.size(); i++) {
            boolean last = i == ops.size() - 1;
            String op = ops.get(i);
            switch (op) {
                case "BiasAdd" -> {
                    NodeDef.Builder b = chain.unary("BiasAdd").addInput(args.get(arg++));
                    if (!base.equals("MatMul") && fused.containsAttr("data_format")) {
                        b.putAttr("data_format", fused.getAttrOrThrow("data_format"));
                    }
                    chain.add(b, last);
                }
                case "Add", "AddV2" -> chain.add(chain.unary("AddV2").addInput(args.get(arg++)), last);
                case "Relu", "Relu6", "Elu", "Sigmoid", "Tanh" -> chain.add(chain.unary(op), last);
                case "LeakyRelu" -> {
                    float alpha = fused.containsAttr("leakyrelu_alpha") ? fused.getAttrOrThrow("leakyrelu_alpha").getF() : 0.2f;
                    chain.add(chain.unary("LeakyRelu").putAttr("alpha", AttrValue.newBuilder().setF(alpha).build()), last);
                }
                case "Prelu" -> chain.prelu(args.get(arg++), last);
                default -> throw new UnsupportedOperationException("fused node '" + fused.getName()
                        + "' has fused op '" + op + "'; known: BiasAdd, Add, Relu, Relu6, Elu, Sigmoid, Tanh,"
                        + " LeakyRelu, Prelu (FusedBatchNorm is not fused by TF.js)");
            }
        }
        return chain.nodes;
    }

    static List<String> fusedOps(NodeDef node) {
        List<String> ops = new ArrayList<>();
        if (node.containsAttr("fused_ops")) {
            for (ByteString s : node.getAttrOrThrow("fused_ops").getList().getSList()) ops.add(s.toStringUtf8());
        }
        return ops;
    }

    private static List<String> dataInputs(NodeDef node) {
        return node.getInputList().stream().filter(i -> !i.startsWith("^")).toList();
    }

    private static void copyAttrs(NodeDef from, NodeDef.Builder to, Set<String> keep) {
        for (Map.Entry<String, AttrValue> a : from.getAttrMap().entrySet()) {
            if (keep.contains(a.getKey())) to.putAttr(a.getKey(), a.getValue());
        }
    }

    /** The nodes replacing one fused node, each fed by the previous one. */
    private final class Chain {
        final NodeDef fused;
        final List<NodeDef> nodes = new ArrayList<>();
        final AttrValue type;
        String previous;

        Chain(NodeDef fused, String input) {
            this.fused = fused;
            this.previous = input;
            this.type = fused.containsAttr("T") ? fused.getAttrOrThrow("T")
                    : AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
        }

        NodeDef.Builder unary(String op) {
            return NodeDef.newBuilder().setOp(op).addInput(previous).putAttr("T", type);
        }

        void add(NodeDef.Builder node, boolean last) {
            String name = last ? fused.getName() : freeName(fused.getName() + "/" + node.getOp());
            node.setName(name).setDevice(fused.getDevice());
            if (nodes.isEmpty()) {
                fused.getInputList().stream().filter(i -> i.startsWith("^")).forEach(node::addInput);
            }
            if (!node.containsAttr("T")) node.putAttr("T", type);
            nodes.add(node.build());
            previous = name;
        }

        /** prelu(x) = relu(x) + alpha * (x - relu(x)). */
        void prelu(String alpha, boolean last) {
            String x = previous;
            add(unary("Relu"), false);
            String positive = previous;
            add(NodeDef.newBuilder().setOp("Sub").addInput(x).addInput(positive), false);
            add(NodeDef.newBuilder().setOp("Mul").addInput(alpha).addInput(previous), false);
            add(NodeDef.newBuilder().setOp("AddV2").addInput(positive).addInput(previous), last);
        }

        private String freeName(String wanted) {
            String name = wanted;
            for (int i = 1; nameTaken.test(name) || contains(name); i++) name = wanted + "_" + i;
            return name;
        }

        private boolean contains(String name) {
            return nodes.stream().anyMatch(n -> n.getName().equals(name));
        }
    }
}
