package org.colorize.detect.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.framework.GraphDef;
import org.tensorflow.proto.framework.TensorProto;

/**
 * A TF.js graph model as read from disk: its topology (a GraphDef written as JSON) and its weights,
 * decoded to tensors by Const node name. Reading parses data only; nothing in the files is run.
 */
public record TfjsGraphModel(GraphDef topology, Map<String, TensorProto> weights) {

    /** Reads {@code model.json} and the weight shards it names (which must sit in the same folder). */
    public static TfjsGraphModel read(Path modelJson) throws IOException {
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(modelJson, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(modelJson + " is not a JSON object: " + e.getMessage(), e);
        }
        if (root.has("format") && !root.get("format").getAsString().equals("graph-model")) {
            throw new IOException(modelJson + " is a TF.js '" + root.get("format").getAsString()
                    + "', not a graph-model (layers models are not supported)");
        }
        if (!root.has("modelTopology") || !root.has("weightsManifest")) {
            throw new IOException(modelJson + " lacks modelTopology or weightsManifest: not a TF.js graph model");
        }
        GraphDef topology = parseTopology(root.get("modelTopology"), modelJson);
        Path folder = modelJson.toAbsolutePath().getParent();
        Map<String, TensorProto> weights = new LinkedHashMap<>();
        for (JsonElement group : root.getAsJsonArray("weightsManifest")) {
            readGroup(group.getAsJsonObject(), folder, weights);
        }
        return new TfjsGraphModel(topology, weights);
    }

    static GraphDef parseTopology(JsonElement topology, Path source) throws IOException {
        GraphDef.Builder graph = GraphDef.newBuilder();
        try {
            JsonFormat.parser().merge(topology.toString(), graph);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("modelTopology of " + source + " is not a GraphDef: " + e.getMessage(), e);
        }
        return graph.build();
    }

    private static void readGroup(JsonObject group, Path folder, Map<String, TensorProto> weights) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(concatenatedShards(group.getAsJsonArray("paths"), folder));
        for (JsonElement e : group.getAsJsonArray("weights")) {
            WeightSpec spec = spec(e.getAsJsonObject());
            long bytes = spec.storedBytes();
            if (bytes > data.remaining()) {
                throw new IOException("weight '" + spec.name() + "' needs " + bytes + " bytes, the shards hold only "
                        + data.remaining() + " more: the .bin files do not belong to this model.json");
            }
            ByteBuffer slice = data.slice().limit((int) bytes);
            data.position(data.position() + (int) bytes);
            if (weights.put(spec.name(), WeightDecoder.decode(spec, slice)) != null) {
                throw new IOException("weight '" + spec.name() + "' is listed twice in the manifest");
            }
        }
        if (data.hasRemaining()) {
            throw new IOException(data.remaining() + " bytes of the shards are not covered by the manifest");
        }
    }

    private static byte[] concatenatedShards(JsonArray paths, Path folder) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonElement p : paths) {
            all.write(Files.readAllBytes(shard(folder, p.getAsString())));
        }
        return all.toByteArray();
    }

    /** A shard is a plain file name beside model.json; anything that would leave the folder is refused. */
    static Path shard(Path folder, String name) throws IOException {
        Path file = folder.resolve(name).normalize();
        if (name.contains("/") || name.contains("\\") || !folder.equals(file.getParent())) {
            throw new IOException("weight shard '" + name + "' is not a file name beside model.json");
        }
        if (!Files.isRegularFile(file)) throw new IOException("weight shard " + file + " is missing");
        return file;
    }

    private static WeightSpec spec(JsonObject w) {
        JsonArray dims = w.getAsJsonArray("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i).getAsLong();
        Quantization q = null;
        if (w.has("quantization")) {
            JsonObject qj = w.getAsJsonObject("quantization");
            q = new Quantization(qj.get("dtype").getAsString(),
                    qj.has("scale") ? qj.get("scale").getAsDouble() : 1,
                    qj.has("min") ? qj.get("min").getAsDouble() : 0);
        }
        return new WeightSpec(w.get("name").getAsString(), shape, w.get("dtype").getAsString(), q);
    }

    /** The op types of the topology, in order of first appearance (for messages and the card). */
    public List<String> opTypes() {
        List<String> ops = new ArrayList<>();
        topology.getNodeList().forEach(n -> {
            if (!ops.contains(n.getOp())) ops.add(n.getOp());
        });
        return ops;
    }
}
