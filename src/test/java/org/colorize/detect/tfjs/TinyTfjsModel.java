package org.colorize.detect.tfjs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes small TF.js graph models by hand: a topology in TF.js's JSON (attrs with base64 strings,
 * int64 as strings) and a weights.bin in manifest order, with float16 / uint8 / uint16 storage.
 */
final class TinyTfjsModel {
    private final JsonArray nodes = new JsonArray();
    private final JsonArray weights = new JsonArray();
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();

    TinyTfjsModel placeholder(String name, long... shape) {
        JsonObject attr = new JsonObject();
        attr.add("dtype", type("DT_FLOAT"));
        JsonObject s = new JsonObject();
        s.add("shape", shapeProto(shape));
        attr.add("shape", s);
        return node(name, "Placeholder", attr);
    }

    TinyTfjsModel node(String name, String op, JsonObject attr, String... inputs) {
        JsonObject n = new JsonObject();
        n.addProperty("name", name);
        n.addProperty("op", op);
        if (inputs.length > 0) {
            JsonArray in = new JsonArray();
            for (String i : inputs) in.add(i);
            n.add("input", in);
        }
        n.add("attr", attr);
        nodes.add(n);
        return this;
    }

    /** A float32 Const stored as float16 bit patterns (values should be exact in float16). */
    TinyTfjsModel float16(String name, float[] values, long... shape) {
        ByteBuffer b = le(values.length * 2);
        for (float v : values) b.putShort(Half.of(v));
        return constant(name, "float32", shape, b, quantization("float16", Double.NaN, Double.NaN));
    }

    /** A float32 Const stored as affine uint8 codes: value = code * scale + min. */
    TinyTfjsModel uint8(String name, int[] codes, double scale, double min, long... shape) {
        ByteBuffer b = le(codes.length);
        for (int c : codes) b.put((byte) c);
        return constant(name, "float32", shape, b, quantization("uint8", scale, min));
    }

    TinyTfjsModel uint16(String name, int[] codes, double scale, double min, long... shape) {
        ByteBuffer b = le(codes.length * 2);
        for (int c : codes) b.putShort((short) c);
        return constant(name, "float32", shape, b, quantization("uint16", scale, min));
    }

    TinyTfjsModel float32(String name, float[] values, long... shape) {
        ByteBuffer b = le(values.length * 4);
        for (float v : values) b.putFloat(v);
        return constant(name, "float32", shape, b, null);
    }

    TinyTfjsModel int32(String name, int[] values, long... shape) {
        ByteBuffer b = le(values.length * 4);
        for (int v : values) b.putInt(v);
        return constant(name, "int32", shape, b, null);
    }

    private TinyTfjsModel constant(String name, String dtype, long[] shape, ByteBuffer data, JsonObject q) {
        JsonObject attr = new JsonObject();
        String tfType = dtype.equals("int32") ? "DT_INT32" : "DT_FLOAT";
        attr.add("dtype", type(tfType));
        JsonObject tensor = new JsonObject();
        tensor.addProperty("dtype", tfType);
        tensor.add("tensorShape", shapeProto(shape));
        JsonObject value = new JsonObject();
        value.add("tensor", tensor);
        attr.add("value", value);
        node(name, "Const", attr);
        JsonObject w = new JsonObject();
        w.addProperty("name", name);
        JsonArray s = new JsonArray();
        for (long d : shape) s.add(d);
        w.add("shape", s);
        w.addProperty("dtype", dtype);
        if (q != null) w.add("quantization", q);
        weights.add(w);
        bin.writeBytes(data.array());
        return this;
    }

    /** Writes {@code model.json} and {@code weights.bin} into {@code dir}; returns the JSON's path. */
    Path write(Path dir) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("format", "graph-model");
        root.addProperty("generatedBy", "hand");
        JsonObject topology = new JsonObject();
        topology.add("node", nodes);
        topology.add("library", new JsonObject());
        topology.add("versions", new JsonObject());
        root.add("modelTopology", topology);
        JsonObject group = new JsonObject();
        JsonArray paths = new JsonArray();
        paths.add("weights.bin");
        group.add("paths", paths);
        group.add("weights", weights);
        JsonArray manifest = new JsonArray();
        manifest.add(group);
        root.add("weightsManifest", manifest);
        Files.write(dir.resolve("weights.bin"), bin.toByteArray());
        Path json = dir.resolve("model.json");
        Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(root), StandardCharsets.UTF_8);
        return json;
    }

    static JsonObject attrs(Object... keyValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) o.add((String) keyValues[i], (JsonObject) keyValues[i + 1]);
        return o;
    }

    static JsonObject type(String t) {
        JsonObject o = new JsonObject();
        o.addProperty("type", t);
        return o;
    }

    static JsonObject string(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("s", Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        return o;
    }

    static JsonObject strings(String... s) {
        JsonArray a = new JsonArray();
        for (String x : s) a.add(Base64.getEncoder().encodeToString(x.getBytes(StandardCharsets.UTF_8)));
        JsonObject list = new JsonObject();
        list.add("s", a);
        JsonObject o = new JsonObject();
        o.add("list", list);
        return o;
    }

    static JsonObject ints(long... v) {
        JsonArray a = new JsonArray();
        for (long x : v) a.add(Long.toString(x));
        JsonObject list = new JsonObject();
        list.add("i", a);
        JsonObject o = new JsonObject();
        o.add("list", list);
        return o;
    }

    static JsonObject integer(long v) {
        JsonObject o = new JsonObject();
        o.addProperty("i", Long.toString(v));
        return o;
    }

    private static JsonObject shapeProto(long[] shape) {
        JsonArray dims = new JsonArray();
        for (long d : shape) {
            JsonObject dim = new JsonObject();
            dim.addProperty("size", Long.toString(d));
            dims.add(dim);
        }
        JsonObject s = new JsonObject();
        s.add("dim", dims);
        return s;
    }

    private static JsonObject quantization(String dtype, double scale, double min) {
        JsonObject q = new JsonObject();
        q.addProperty("dtype", dtype);
        if (!Double.isNaN(scale)) {
            q.addProperty("scale", scale);
            q.addProperty("min", min);
        }
        q.addProperty("original_dtype", "float32");
        return q;
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** float → float16 bits, for values exact in float16 (the tests choose them so). */
    static final class Half {
        private Half() {
        }

        static short of(float v) {
            int bits = Float.floatToIntBits(v);
            int sign = (bits >>> 16) & 0x8000;
            if (v == 0) return (short) sign;
            int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
            int mantissa = bits & 0x7fffff;
            if (exponent <= 0 || exponent >= 31 || (mantissa & 0x1fff) != 0) {
                throw new IllegalArgumentException(v + " is not a normal float16 value");
            }
            return (short) (sign | (exponent << 10) | (mantissa >>> 13));
        }
    }
}
