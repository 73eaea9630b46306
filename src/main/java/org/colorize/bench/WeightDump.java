package org.colorize.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.colorize.nn.Tensors;
import org.tensorflow.Tensor;

/**
 * Network weights as plain files another program can read without TensorFlow: one raw
 * little-endian float32 file per variable plus {@value #INDEX}, a JSON list of
 * {@code {"name", "shape", "file"}} in variable order. Shapes and layouts are exactly the Java
 * network's (conv HWIO, transposed conv [k, k, out, in]); the reader transposes.
 */
public final class WeightDump {
    /** The index file's name inside a dump folder. */
    public static final String INDEX = "index.json";

    private WeightDump() {}

    /** One variable: name (e.g. {@code conv1_1/weight}), shape, row-major values. */
    public record Array(String name, long[] shape, float[] values) {
        public Array {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            if (n != values.length) {
                throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + n
                        + " values, got " + values.length);
            }
        }
    }

    /** Float32 copies of TF tensors (float32 or float64), by name, in the map's order. */
    public static Map<String, Array> fromTensors(Map<String, ? extends Tensor> tensors) {
        Map<String, Array> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            double[] d = Tensors.values(t);
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            out.put(name, new Array(name, t.shape().asArray(), f));
        });
        return out;
    }

    /** The file a variable is stored in: its name with '/' replaced by '.', plus ".f32". */
    public static String fileName(String variable) {
        if (!variable.matches("[A-Za-z0-9_./-]+") || variable.contains("..")) {
            throw new IllegalArgumentException("unsafe variable name for a file: " + variable);
        }
        return variable.replace('/', '.') + ".f32";
    }

    /** Writes {@code arrays} (in iteration order) to {@code dir}, creating it. */
    public static void write(Path dir, Iterable<Array> arrays) throws IOException {
        Files.createDirectories(dir);
        JsonArray index = new JsonArray();
        for (Array a : arrays) {
            String file = fileName(a.name());
            writeFloats(dir.resolve(file), a.values());
            JsonObject e = new JsonObject();
            e.addProperty("name", a.name());
            JsonArray shape = new JsonArray();
            for (long s : a.shape()) {
                shape.add(s);
            }
            e.add("shape", shape);
            e.addProperty("file", file);
            e.addProperty("dtype", "float32-le");
            index.add(e);
        }
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        Files.writeString(dir.resolve(INDEX), gson.toJson(index) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads a dump written by {@link #write}, by name in index order. */
    public static Map<String, Array> read(Path dir) throws IOException {
        JsonArray index = JsonParser.parseString(Files.readString(dir.resolve(INDEX), StandardCharsets.UTF_8)).getAsJsonArray();
        Map<String, Array> out = new LinkedHashMap<>();
        for (JsonElement el : index) {
            JsonObject e = el.getAsJsonObject();
            String name = e.get("name").getAsString();
            JsonArray s = e.getAsJsonArray("shape");
            long[] shape = new long[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).getAsLong();
            }
            out.put(name, new Array(name, shape, readFloats(dir.resolve(fileName(name)))));
        }
        return out;
    }

    /** Raw little-endian float32. */
    public static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        Files.write(file, buf.array());
    }

    /** Reads raw little-endian float32. */
    public static float[] readFloats(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length % Float.BYTES != 0) {
            throw new IOException(file + " is not a float32 array (" + bytes.length + " bytes)");
        }
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
