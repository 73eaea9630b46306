package org.colorize.detect.tfjs;

import static org.colorize.detect.tfjs.TinyTfjsModel.attrs;
import static org.colorize.detect.tfjs.TinyTfjsModel.integer;
import static org.colorize.detect.tfjs.TinyTfjsModel.ints;
import static org.colorize.detect.tfjs.TinyTfjsModel.string;
import static org.colorize.detect.tfjs.TinyTfjsModel.strings;
import static org.colorize.detect.tfjs.TinyTfjsModel.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.colorize.runtime.TensorFlowRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.framework.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * A hand-written TF.js graph (float16, uint8 and uint16 weights; _FusedConv2D with BiasAdd+Relu,
 * FusedDepthwiseConv2dNative with BiasAdd+Relu6, _FusedMatMul with BiasAdd+Prelu) converted to a
 * SavedModel, run by TensorFlow and compared with the same network computed here in plain Java.
 */
class TfjsConverterTest {
    @TempDir
    Path dir;

    // x [1,4,4,2] → conv 3×3 → [1,4,4,3] → depthwise 3×3 stride 2 → [1,2,2,3] → reshape [1,12] → matmul → [1,2]
    static final float[] W1 = pattern(3 * 3 * 2 * 3, 7, 17, 8, 8); // float16, multiples of 1/8
    static final int[] B1_CODES = {0, 128, 255};
    static final double B1_SCALE = 0.01;
    static final double B1_MIN = -1.0;
    static final int[] W2_CODES = codes(3 * 3 * 3, 1000);
    static final double W2_SCALE = 1e-4;
    static final double W2_MIN = -1.0;
    static final float[] B2 = {0.5f, -0.25f, 3f};
    static final float[] W3 = pattern(12 * 2, 5, 9, 4, 4); // float16, multiples of 1/4
    static final float[] B3 = {0.5f, -0.5f};
    static final int[] ALPHA_CODES = {10, 200};
    static final double ALPHA_SCALE = 0.005;

    @BeforeAll
    static void natives() throws Exception {
        TensorFlowRuntime.engine();
    }

    @Test
    void convertedGraphComputesWhatTheTfjsOpsMean() throws Exception {
        Path json = tinyModel().write(dir);
        GraphDef graph = TfjsConverter.toGraphDef(TfjsGraphModel.read(json));
        assertTrue(graph.getNodeList().stream().noneMatch(n -> SupportedOps.FUSED.contains(n.getOp())), "fused ops left");
        assertTrue(graph.getNodeList().stream().allMatch(n -> n.getAttrMap().keySet().stream().noneMatch(k -> k.startsWith("_"))));

        Path saved = dir.resolve("saved");
        TfjsConverter.Exported exported = TfjsConverter.export(graph,
                new ServingSignature(Map.of("x", "x"), Map.of("conv", "conv", "y", "out:0")), saved);
        assertArrayEquals(new long[] {1, 4, 4, 3}, exported.outputShapes().get("conv"));
        assertArrayEquals(new long[] {1, 2}, exported.outputShapes().get("y"));

        float[] x = new float[32];
        Random random = new Random(7);
        for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
        Reference ref = new Reference(x);
        try (SavedModelBundle model = SavedModelBundle.load(saved.toString(), "serve");
             TFloat32 input = TFloat32.tensorOf(Shape.of(1, 4, 4, 2), DataBuffers.of(x));
             Result result = model.call(Map.of("x", (Tensor) input))) {
            assertClose(ref.conv, values(result, "conv"), "conv (fp16 weights, uint8 bias, BiasAdd+Relu)");
            assertClose(ref.y, values(result, "y"), "depthwise (uint16) + Relu6 → matmul (fp16) + Prelu (uint8 alpha)");
        }
        // the data reaches every branch: Relu's zeros, Relu6's clamp at 6, Prelu's negative side
        assertTrue(min(ref.conv) == 0 && max(ref.conv) > 0);
        assertTrue(min(ref.flat) == 0 && max(ref.flat) == 6);
        assertTrue(min(ref.y) < 0);
    }

    @Test
    void refusesOpsOutsideTheAllowList() throws Exception {
        TinyTfjsModel m = new TinyTfjsModel().placeholder("x", 1).node("leak", "ReadFile", new JsonObject(), "x");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> TfjsConverter.toGraphDef(TfjsGraphModel.read(m.write(dir))));
        assertTrue(e.getMessage().contains("'leak'") && e.getMessage().contains("'ReadFile'"), e.getMessage());
    }

    @Test
    void refusesUnknownFusedActivation() throws Exception {
        TinyTfjsModel m = new TinyTfjsModel().placeholder("x", 1, 4, 4, 2)
                .float16("w", W1, 3, 3, 2, 3).float32("b", B2, 3)
                .node("c", "_FusedConv2D", convAttrs(1, "BiasAdd", "Swish"), "x", "w", "b");
        Exception e = assertThrows(UnsupportedOperationException.class,
                () -> TfjsConverter.toGraphDef(TfjsGraphModel.read(m.write(dir))));
        assertTrue(e.getMessage().contains("Swish"), e.getMessage());
    }

    @Test
    void refusesShardsOutsideTheModelFolder() {
        assertThrows(IOException.class, () -> TfjsGraphModel.shard(dir, "../weights.bin"));
        assertThrows(IOException.class, () -> TfjsGraphModel.shard(dir, "/etc/passwd"));
    }

    @Test
    void float16BitPatterns() {
        assertEquals(1f, Float16.toFloat((short) 0x3c00));
        assertEquals(-2f, Float16.toFloat((short) 0xc000));
        assertEquals(65504f, Float16.toFloat((short) 0x7bff));
        assertEquals(0x1p-14f, Float16.toFloat((short) 0x0400)); // smallest normal
        assertEquals(0x1p-24f, Float16.toFloat((short) 0x0001)); // smallest subnormal
        assertEquals(0x3ffp-24f, Float16.toFloat((short) 0x03ff)); // largest subnormal
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(Float16.toFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, Float16.toFloat((short) 0x7c00));
        assertEquals(Float.NEGATIVE_INFINITY, Float16.toFloat((short) 0xfc00));
        assertTrue(Float.isNaN(Float16.toFloat((short) 0x7e00)));
        assertEquals(0.333251953125f, Float16.toFloat((short) 0x3555));
    }

    static TinyTfjsModel tinyModel() {
        JsonObject relu6Grappler = attrs("T", type("DT_FLOAT"), "_grappler_hint", integer(1));
        return new TinyTfjsModel()
                .placeholder("x", 1, 4, 4, 2)
                .float16("w1", W1, 3, 3, 2, 3)
                .uint8("b1", B1_CODES, B1_SCALE, B1_MIN, 3)
                .node("conv", "_FusedConv2D", convAttrs(1, "BiasAdd", "Relu"), "x", "w1", "b1")
                .uint16("w2", W2_CODES, W2_SCALE, W2_MIN, 3, 3, 3, 1)
                .float32("b2", B2, 3)
                .node("dw", "FusedDepthwiseConv2dNative", attrs("T", type("DT_FLOAT"), "strides", ints(1, 2, 2, 1),
                        "padding", string("SAME"), "data_format", string("NHWC"), "dilations", ints(1, 1, 1, 1),
                        "num_args", integer(1), "fused_ops", strings("BiasAdd", "Relu6")), "conv", "w2", "b2")
                .int32("flat_shape", new int[] {1, 12}, 2)
                .node("flat", "Reshape", attrs("T", type("DT_FLOAT"), "Tshape", type("DT_INT32")), "dw", "flat_shape")
                .float16("w3", W3, 12, 2)
                .float16("b3", B3, 2)
                .uint8("alpha", ALPHA_CODES, ALPHA_SCALE, 0, 2)
                .node("fc", "_FusedMatMul", attrs("T", type("DT_FLOAT"), "transpose_a", bool(false),
                        "transpose_b", bool(false), "num_args", integer(2), "fused_ops", strings("BiasAdd", "Prelu")),
                        "flat", "w3", "b3", "alpha")
                .node("out", "Identity", relu6Grappler, "fc");
    }

    static JsonObject convAttrs(int numArgs, String... fusedOps) {
        JsonObject epsilon = new JsonObject();
        epsilon.addProperty("f", 0);
        JsonObject cudnn = bool(true);
        return attrs("T", type("DT_FLOAT"), "strides", ints(1, 1, 1, 1), "padding", string("SAME"),
                "data_format", string("NHWC"), "dilations", ints(1, 1, 1, 1), "use_cudnn_on_gpu", cudnn,
                "explicit_paddings", ints(), "num_args", integer(numArgs), "epsilon", epsilon, "fused_ops", strings(fusedOps));
    }

    static JsonObject bool(boolean b) {
        JsonObject o = new JsonObject();
        o.addProperty("b", b);
        return o;
    }

    /** The tiny network in plain Java, from the same stored codes (TF.js: value = code × scale + min). */
    static final class Reference {
        final float[] conv = new float[4 * 4 * 3];
        final float[] flat = new float[12];
        final float[] y = new float[2];

        Reference(float[] x) {
            for (int h = 0; h < 4; h++) {
                for (int w = 0; w < 4; w++) {
                    for (int o = 0; o < 3; o++) {
                        double s = B1_CODES[o] * B1_SCALE + B1_MIN;
                        for (int kh = 0; kh < 3; kh++) {
                            for (int kw = 0; kw < 3; kw++) {
                                int ih = h + kh - 1;
                                int iw = w + kw - 1;
                                if (ih < 0 || ih >= 4 || iw < 0 || iw >= 4) continue;
                                for (int i = 0; i < 2; i++) {
                                    s += x[(ih * 4 + iw) * 2 + i] * W1[((kh * 3 + kw) * 2 + i) * 3 + o];
                                }
                            }
                        }
                        conv[(h * 4 + w) * 3 + o] = (float) Math.max(0, s);
                    }
                }
            }

            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 2; w++) {
                    for (int c = 0; c < 3; c++) {
                        double s = B2[c];
                        for (int kh = 0; kh < 3; kh++) {
                            for (int kw = 0; kw < 3; kw++) {
                                int ih = h * 2 + kh; // SAME, stride 2, 4 → 2: padding 0 before, 1 after
                                int iw = w * 2 + kw;
                                if (ih >= 4 || iw >= 4) continue;
                                double weight = W2_CODES[(kh * 3 + kw) * 3 + c] * W2_SCALE + W2_MIN;
                                s += conv[(ih * 4 + iw) * 3 + c] * weight;
                            }
                        }
                        flat[(h * 2 + w) * 3 + c] = (float) Math.min(6, Math.max(0, s));
                    }
                }
            }
            for (int j = 0; j < 2; j++) {
                double s = B3[j];
                for (int i = 0; i < 12; i++) s += flat[i] * W3[i * 2 + j];
                double alpha = ALPHA_CODES[j] * ALPHA_SCALE;
                y[j] = (float) (s < 0 ? alpha * s : s);
            }
        }
    }

    private static float[] values(Result result, String name) {
        TFloat32 t = (TFloat32) result.get(name).orElseThrow();
        float[] v = new float[(int) t.shape().size()];
        t.read(DataBuffers.of(v, false, false));
        return v;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    private static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : v) m = Math.min(m, x);
        return m;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) m = Math.max(m, x);
        return m;
    }

    private static float[] pattern(int n, int step, int modulus, int offset, int denominator) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) ((i * step) % modulus - offset) / denominator;
        return v;
    }

    private static int[] codes(int n, int step) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = (i * step * 7) % 65536;
        return v;
    }
}
