package org.colorize.model;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.PairList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.runtime.DeviceChoice;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * A SavedModel with several named float inputs (the fused graph of an instance-aware model: L,
 * crops, geometry matrices) served by DJL's TensorFlow engine. Inputs are given by name and passed
 * in the order the SavedModel's signature lists them; every signature input must be given.
 */
public final class NamedInputsModel implements AutoCloseable {
    /** One input: its shape and row-major values. */
    public record Input(long[] shape, float[] values) {}

    private final Path folder;
    private final Device device;
    private final ZooModel<NDList, NDList> model;
    private final List<String> inputNames;
    /** One predictor for the model's life ({@link #run} is synchronized): a new one per call costs about 0.1 ms. */
    private Predictor<NDList, NDList> predictor;

    private NamedInputsModel(Path folder, Device device, ZooModel<NDList, NDList> model, List<String> inputNames) {
        this.folder = folder;
        this.device = device;
        this.model = model;
        this.inputNames = List.copyOf(inputNames);
    }

    /** Loads the SavedModel in {@code folder}. */
    public static NamedInputsModel load(Path folder, DeviceChoice choice) throws ColorizeException {
        if (!Files.isRegularFile(folder.resolve("saved_model.pb"))) {
            throw new ColorizeException("Model folder " + folder + " has no saved_model.pb: it is not a TensorFlow SavedModel.");
        }
        Device device = TensorFlowRuntime.device(choice);
        ZooModel<NDList, NDList> zoo;
        try {
            Path serving = FrozenSavedModel.servingFolder(folder);
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(serving).optEngine(TensorFlowRuntime.ENGINE).optDevice(device)
                    .optTranslator(new NoopTranslator()).build();
            zoo = TensorFlowRuntime.withContextLoader(criteria::loadModel);
        } catch (Exception e) {
            throw new ColorizeException("Cannot load the SavedModel in " + folder + ": " + e.getMessage(), e);
        }
        PairList<String, Shape> in = zoo.describeInput();
        List<String> names = new ArrayList<>();
        for (int i = 0; in != null && i < in.size(); i++) names.add(in.get(i).getKey());
        return new NamedInputsModel(folder, device, zoo, names);
    }

    public List<String> inputNames() {
        return inputNames;
    }

    public String device() {
        return device.toString();
    }

    public Path folder() {
        return folder;
    }

    /** Runs the graph; returns each output's values by name. */
    public synchronized Map<String, float[]> run(Map<String, Input> inputs) throws ColorizeException {
        for (String n : inputNames) {
            if (!inputs.containsKey(n)) throw new ColorizeException("Model " + folder + " needs input '" + n + "' (given: " + inputs.keySet() + ")");
        }
        if (predictor == null) predictor = model.newPredictor();
        Predictor<NDList, NDList> p = predictor;
        try (NDManager manager = NDManager.newBaseManager(device, TensorFlowRuntime.ENGINE)) {
            NDList list = new NDList();
            for (String n : inputNames) {
                Input i = inputs.get(n);
                NDArray a = manager.create(i.values(), new Shape(i.shape()));
                a.setName(n);
                list.add(a);
            }
            NDList out = TensorFlowRuntime.withContextLoader(() -> p.predict(list));
            Map<String, float[]> result = new LinkedHashMap<>();
            for (NDArray a : out) result.put(a.getName(), a.toFloatArray());
            out.close();
            return result;
        } catch (Exception e) {
            throw new ColorizeException("Model " + folder + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (predictor != null) predictor.close();
        predictor = null;
        model.close();
    }
}
