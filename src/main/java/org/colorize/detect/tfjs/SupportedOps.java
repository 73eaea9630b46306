package org.colorize.detect.tfjs;

import java.util.Set;

/**
 * The op types a converted graph may contain: stateless tensor math only. Ops that touch files,
 * variables, queues, the network or host code (PyFunc, ReadFile, WriteFile, Print, …) are not
 * here, so a model file can describe computation and nothing else.
 */
final class SupportedOps {
    private SupportedOps() {
    }

    /** TF.js-only fused ops, rewritten by {@link FusedOpSplitter} before the graph is built. */
    static final Set<String> FUSED = Set.of("_FusedConv2D", "FusedDepthwiseConv2dNative", "_FusedMatMul", "Prelu");

    static final Set<String> PLAIN = Set.of(
            "Placeholder", "PlaceholderWithDefault", "Const", "Identity", "NoOp", "StopGradient",
            "Conv2D", "Conv2DBackpropInput", "DepthwiseConv2dNative", "MatMul", "BatchMatMulV2", "BiasAdd",
            "Add", "AddV2", "AddN", "Sub", "Mul", "RealDiv", "Div", "DivNoNan", "FloorDiv", "FloorMod",
            "Maximum", "Minimum", "Neg", "Abs", "Sign", "Floor", "Ceil", "Round", "Square", "SquaredDifference",
            "Sqrt", "Rsqrt", "Reciprocal", "Exp", "Log", "Pow", "ClipByValue",
            "Relu", "Relu6", "Elu", "Selu", "LeakyRelu", "Sigmoid", "Tanh", "Softmax", "Softplus",
            "Mean", "Sum", "Max", "Min", "Prod", "ArgMax", "ArgMin",
            "FusedBatchNorm", "FusedBatchNormV3", "MaxPool", "AvgPool",
            "ResizeBilinear", "ResizeNearestNeighbor",
            "ConcatV2", "Reshape", "Squeeze", "ExpandDims", "Transpose", "Pad", "PadV2", "MirrorPad",
            "Slice", "StridedSlice", "Pack", "Unpack", "Split", "SplitV", "Tile", "Fill", "ZerosLike",
            "OnesLike", "Range", "Shape", "Size", "Rank", "Cast", "GatherV2", "GatherNd", "TopKV2",
            "SpaceToBatchND", "BatchToSpaceND", "DepthToSpace", "SpaceToDepth",
            "Equal", "NotEqual", "Greater", "GreaterEqual", "Less", "LessEqual",
            "LogicalAnd", "LogicalOr", "LogicalNot", "Select", "SelectV2",
            "NonMaxSuppressionV3", "NonMaxSuppressionV4", "NonMaxSuppressionV5");

    static void check(String node, String op) {
        if (!PLAIN.contains(op) && !FUSED.contains(op)) {
            throw new UnsupportedOperationException("node '" + node + "' has op type '" + op
                    + "', which the TF.js converter does not map (it converts stateless tensor math only;"
                    + " supported: " + PLAIN.size() + " TensorFlow ops and " + FUSED + ")");
        }
    }
}
