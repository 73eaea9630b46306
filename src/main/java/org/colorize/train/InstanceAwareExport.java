package org.colorize.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.colorize.nn.FusionConfig;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes an instance-aware model's three SavedModels from a run's weights: the plain full-image
 * net in the model folder itself (what runs when there are no boxes; the registry loads it as the
 * card's main component), the instance net alone in {@value #INSTANCE_FOLDER}/ and the fused graph
 * (instance net on the crops, full-image net with the fusion module) in {@value #FUSION_FOLDER}/.
 * Inference graphs only: batch norm on moving statistics, no optimizer state.
 */
final class InstanceAwareExport {
    static final String INSTANCE_FOLDER = "instance";
    static final String FUSION_FOLDER = "fusion";

    private InstanceAwareExport() {}

    static void export(Path modelDir, Map<String, Tensor> weights, Siggraph17Config cfg, FusionConfig fusion, int size, int cropSize) throws IOException {
        Files.createDirectories(modelDir);
        Map<String, Tensor> instance = new LinkedHashMap<>();
        String prefix = InstanceAwareNet.INSTANCE + "/";
        weights.forEach((k, v) -> {
            if (k.startsWith(prefix)) instance.put(k.substring(prefix.length()), v);
        });
        Path tmp = Files.createTempDirectory(modelDir, ".export");
        try {
            Path full = tmp.resolve("full");
            exportGraph(full, weights, store -> plain(store, cfg));
            for (String f : new String[] {"saved_model.pb", "variables"}) move(full.resolve(f), modelDir.resolve(f));
            Path inst = tmp.resolve("instance");
            exportGraph(inst, instance, store -> plain(store, cfg));
            move(inst, modelDir.resolve(INSTANCE_FOLDER));
            Path fused = tmp.resolve("fusion");
            exportGraph(fused, weights, store -> {
                Placeholder<TFloat32> l = store.tf().withName(SavedModelExport.INPUT)
                        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 1)));
                InstanceAwareNet.Inputs<TFloat32> in = InstanceAwareNet.placeholders(store.tf(), TFloat32.class, size, cropSize);
                Siggraph17Net.Outputs<TFloat32> out = InstanceAwareNet.build(store, l, in.crops(), in, cfg, fusion);
                Signature.Builder sig = Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l)
                        .input(InstanceAwareNet.CROPS, in.crops());
                in.rows().forEach((s, op) -> sig.input(org.colorize.nn.FusionGeometry.Inputs.rowsName(s), op));
                in.cols().forEach((s, op) -> sig.input(org.colorize.nn.FusionGeometry.Inputs.colsName(s), op));
                return sig.output(SavedModelExport.OUTPUT_AB, out.ab()).build();
            });
            move(fused, modelDir.resolve(FUSION_FOLDER));
        } finally {
            deleteTree(tmp);
        }
    }

    private static Signature plain(ParameterStore<TFloat32> store, Siggraph17Config cfg) {
        Placeholder<TFloat32> l = store.tf().withName(SavedModelExport.INPUT)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        Siggraph17Net.Outputs<TFloat32> out = Siggraph17Net.build(store, l, cfg);
        return Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l)
                .output(SavedModelExport.OUTPUT_AB, out.ab()).build();
    }

    private static void exportGraph(Path dir, Map<String, Tensor> weights, SavedModelExport.InferenceGraph graph) {
        TfNatives.load();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            Signature signature = graph.build(store);
            store.load(s, weights, true);
            SavedModelBundle.exporter(dir.toString()).withSession(s).withSignature(signature).export();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export SavedModel to " + dir, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        deleteTree(to);
        Files.move(from, to);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
