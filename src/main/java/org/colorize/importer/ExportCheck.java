package org.colorize.importer;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.nio.file.Path;
import org.colorize.ColorizeException;
import java.util.Map;
import org.colorize.model.NamedInputsModel;
import org.colorize.nn.SavedModelExport;
import org.colorize.runtime.DeviceChoice;
import org.colorize.runtime.TensorFlowRuntime;

/** Runs an exported SavedModel through DJL, the way Colorize serves it. */
final class ExportCheck {
    private ExportCheck() {
    }

    /** The {@value SavedModelExport#OUTPUT_AB} output for L of shape [1, h, w, 1]. */
    static float[] ab(Path savedModel, float[] l, int h, int w) throws ColorizeException {
        TensorFlowRuntime.engine();
        try {
            return TensorFlowRuntime.withContextLoader(() -> {
                Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                        .optModelPath(savedModel).optEngine(TensorFlowRuntime.ENGINE).optTranslator(new NoopTranslator()).build();
                try (ZooModel<NDList, NDList> model = criteria.loadModel();
                        Predictor<NDList, NDList> predictor = model.newPredictor();
                        NDManager manager = model.getNDManager().newSubManager()) {
                    NDArray input = manager.create(l, new ai.djl.ndarray.types.Shape(1, h, w, 1));
                    input.setName(SavedModelExport.INPUT);
                    NDList out = predictor.predict(new NDList(input));
                    for (NDArray a : out) {
                        if (SavedModelExport.OUTPUT_AB.equals(a.getName())) return a.toFloatArray();
                    }
                    throw new ColorizeException("the exported model has no output " + SavedModelExport.OUTPUT_AB);
                }
            });
        } catch (ColorizeException e) {
            throw e;
        } catch (Exception e) {
            throw new ColorizeException("the exported SavedModel does not run through DJL: " + e.getMessage(), e);
        }
    }

    /** The {@value SavedModelExport#OUTPUT_AB} output of a SavedModel with several named inputs, as the instance-aware colorizer runs it. */
    static float[] ab(Path savedModel, Map<String, NamedInputsModel.Input> inputs) throws ColorizeException {
        try (NamedInputsModel model = NamedInputsModel.load(savedModel, DeviceChoice.CPU)) {
            float[] ab = model.run(inputs).get(SavedModelExport.OUTPUT_AB);
            if (ab == null) throw new ColorizeException("the exported model has no output " + SavedModelExport.OUTPUT_AB);
            return ab;
        }
    }

    static double maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) return Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs((double) a[i] - b[i]));
        return max;
    }
}
