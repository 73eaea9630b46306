package org.colorize.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.colorize.nn.FusionConfig;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.InstanceFusion;
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
            exportGraph(fused, weights, store -> fusedSignature(store, cfg, fusion, size, cropSize));
            move(fused, modelDir.resolve(FUSION_FOLDER));
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Re-exports the fused graph of the model in {@code modelDir} from its own weights with this
     * version's graph code (no training): how an instance-aware model trained by this project gets a
     * faster formulation of the same function. The new graph must give the old one's ab on random
     * inputs with overlapping boxes (within {@value #REBUILD_TOLERANCE}) before it replaces
     * {@value #FUSION_FOLDER}/; the card and the other two graphs stay as they are. The weight nets'
     * config is read from the variables as this project trains them ({@link #trainedFusionConfig}); an
     * imported InstColorization fusion differs from it and the check refuses to replace it.
     *
     * @return the largest difference between the old and the new graph's ab
     */
    static double rebuildFusion(Path modelDir) throws IOException, org.colorize.ColorizeException {
        org.colorize.model.ModelCard card = org.colorize.model.ModelCard.read(modelDir);
        org.colorize.model.ModelComponent component = card.component(FUSION_FOLDER)
                .orElseThrow(() -> new IllegalArgumentException(modelDir + " has no fusion component"));
        if (!"instance-aware".equals(card.kind())) throw new IllegalArgumentException(modelDir + " is not an instance-aware model");
        int size = component.signature().input(SavedModelExport.INPUT).orElseThrow().size();
        int crop = component.signature().input(InstanceAwareNet.CROPS).orElseThrow().size();
        double width = component.architecture().width().orElseThrow();
        Path old = modelDir.resolve(FUSION_FOLDER);
        Map<String, Tensor> weights = variables(old);
        FusionConfig fusion = trainedFusionConfig(weights);
        Siggraph17Config cfg = Siggraph17Config.regression(width, 1);
        Path tmp = Files.createTempDirectory(modelDir, ".rebuild");
        try {
            Path fused = tmp.resolve(FUSION_FOLDER);
            exportGraph(fused, weights, store -> fusedSignature(store, cfg, fusion, size, crop));
            double diff = maxDifference(old, fused, size, crop);
            if (!(diff <= REBUILD_TOLERANCE)) {
                throw new IllegalStateException("the rebuilt fused graph differs from " + old + " by " + diff + " in ab; kept the old one");
            }
            Path previous = tmp.resolve("previous");
            Files.move(old, previous);
            try {
                Files.move(fused, old);
            } catch (IOException e) {
                Files.move(previous, old); // the old graph back in place before the staging folder goes
                throw e;
            }
            return diff;
        } finally {
            weights.values().forEach(Tensor::close);
            deleteTree(tmp);
        }
    }

    /**
     * The largest |ab difference| of two fused graphs on one random image with two overlapping boxes,
     * both served as the colorizer serves them ({@link org.colorize.model.NamedInputsModel}).
     */
    static double maxDifference(Path a, Path b, int size, int crop) throws org.colorize.ColorizeException {
        java.util.Random random = new java.util.Random(7);
        var in = org.colorize.pipeline.InstanceAwareColorizer.fusedInputs(uniform(random, size * size), size,
                uniform(random, 2 * crop * crop), crop, java.util.List.of(
                        new org.colorize.nn.FusionGeometry.NetBox(0.1 * size, 0.2 * size, 0.7 * size, 0.9 * size),
                        new org.colorize.nn.FusionGeometry.NetBox(0.4 * size, 0, size, 0.6 * size)));
        float[] x = ab(a, in);
        float[] y = ab(b, in);
        double max = 0;
        for (int i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i] - y[i]));
        return max;
    }

    /** L values 0–100. */
    private static float[] uniform(java.util.Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) v[i] = 100 * random.nextFloat();
        return v;
    }

    private static float[] ab(Path fused, Map<String, org.colorize.model.NamedInputsModel.Input> in) throws org.colorize.ColorizeException {
        try (var model = org.colorize.model.NamedInputsModel.load(fused, org.colorize.runtime.DeviceChoice.CPU)) {
            return model.run(in).get(SavedModelExport.OUTPUT_AB);
        }
    }

    /** ab units; float32 sums in another order differ by far less. */
    static final double REBUILD_TOLERANCE = 1e-3;

    /**
     * This project's fusion ({@link FusionConfig#COLORIZE}) with the weight nets the variables show: as
     * many hidden convs as {@code fusion/conv1_2/bg/} has convs before its last, of the width of its first, and the
     * box-size term where {@code fusion/conv1_2/}{@value InstanceFusion#BOX_SIZE} exists.
     */
    static FusionConfig trainedFusionConfig(Map<String, Tensor> weights) {
        String bg = InstanceFusion.SCOPE + "/" + org.colorize.nn.FusionPoint.CONV1_2.layerName() + "/bg/conv_";
        int convs = 0;
        while (weights.containsKey(bg + 2 * convs + "/weight")) convs++;
        if (convs == 0) throw new IllegalArgumentException("no fusion weights (" + bg + "0/weight)");
        int hidden = convs - 1;
        int channels = hidden == 0 ? InstanceFusion.WEIGHT_NET_CHANNELS : (int) weights.get(bg + "0/weight").shape().size(3);
        boolean boxSize = weights.containsKey(InstanceFusion.SCOPE + "/" + org.colorize.nn.FusionPoint.CONV1_2.layerName() + "/"
                + InstanceFusion.BOX_SIZE);
        return new FusionConfig(channels, hidden, FusionConfig.OutsideBox.EXCLUDED, false, boxSize);
    }

    /** Every variable of the SavedModel in {@code savedModel}, by name, as tensors ({@link ModelExporter#readAllWeights}). */
    static Map<String, Tensor> variables(Path savedModel) {
        TfNatives.load();
        Map<String, Tensor> values = new LinkedHashMap<>();
        try {
            ModelExporter.readAllWeights(savedModel).forEach((n, v) -> values.put(n,
                    TFloat32.tensorOf(Shape.of(v.shape()), org.tensorflow.ndarray.buffer.DataBuffers.of(v.values()))));
        } catch (org.colorize.TrainException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return values;
    }

    private static Signature fusedSignature(ParameterStore<TFloat32> store, Siggraph17Config cfg, FusionConfig fusion, int size,
            int cropSize) {
        Placeholder<TFloat32> l = store.tf().withName(SavedModelExport.INPUT)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 1)));
        InstanceAwareNet.Inputs<TFloat32> in = InstanceAwareNet.placeholders(store.tf(), TFloat32.class, size, cropSize);
        Siggraph17Net.Outputs<TFloat32> out = InstanceAwareNet.build(store, l, in.crops(), in, cfg, fusion);
        Signature.Builder sig = Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l)
                .input(InstanceAwareNet.CROPS, in.crops());
        in.rows().forEach((s, op) -> sig.input(org.colorize.nn.FusionGeometry.Inputs.rowsName(s), op));
        in.cols().forEach((s, op) -> sig.input(org.colorize.nn.FusionGeometry.Inputs.colsName(s), op));
        return sig.output(SavedModelExport.OUTPUT_AB, out.ab()).build();
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
