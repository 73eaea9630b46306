package org.colorize.detect;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * The converted COCO detector, served through DJL on the CPU. A gray image of any size is
 * letterboxed to the network's square input ({@link Letterbox}), its gray replicated into R, G
 * and B; boxes come back in image pixels, best first. The same run can return the feature taps.
 */
public final class Detector implements BoxSource, AutoCloseable {
    private final DetectorCard card;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int size;
    private DetectorOptions options = DetectorOptions.defaults();

    private Detector(DetectorCard card, ZooModel<NDList, NDList> model) {
        this.card = card;
        this.model = model;
        this.predictor = model.newPredictor();
        this.size = (int) card.input().shape()[1];
    }

    /** Loads the detector in {@code folder} (a SavedModel with its detector card). */
    public static Detector load(Path folder) throws ColorizeException {
        DetectorCard card = DetectorCard.read(folder);
        if (!Files.isRegularFile(folder.resolve("saved_model.pb"))) {
            throw new ColorizeException("Detector folder " + folder + " has no saved_model.pb");
        }
        long[] in = card.input().shape();
        if (in.length != 4 || in[0] != 1 || in[1] != in[2] || in[3] != 3) {
            throw new ColorizeException("Detector " + folder + ": input must be [1, S, S, 3], card says "
                    + java.util.Arrays.toString(in));
        }
        TensorFlowRuntime.engine();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(folder)
                .optEngine(TensorFlowRuntime.ENGINE)
                .optDevice(Device.cpu())
                .optTranslator(new NoopTranslator())
                .build();
        return new Detector(card, TensorFlowRuntime.withContextLoader(() -> {
            try {
                return criteria.loadModel();
            } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
                throw new ColorizeException("Cannot load the detector SavedModel in " + folder + ": " + e.getMessage(), e);
            }
        }));
    }

    public DetectorCard card() {
        return card;
    }

    /** Options {@link #boxes} uses. */
    public synchronized Detector withOptions(DetectorOptions o) {
        options = o;
        return this;
    }

    @Override
    public List<Box> boxes(GrayPlane image) throws ColorizeException {
        DetectorOptions o;
        synchronized (this) {
            o = options;
        }
        return detect(image, o, false).boxes();
    }

    /**
     * The boxes in a color image (packed ARGB, row-major): the detector's native input, used to ask
     * whether a colorized image shows the same objects as its original.
     */
    public List<Box> boxesOfRgb(int[] argb, int width, int height, DetectorOptions o) throws ColorizeException {
        float[][] planes = new float[3][width * height];
        for (int p = 0; p < argb.length; p++) {
            planes[0][p] = argb[p] >> 16 & 0xff;
            planes[1][p] = argb[p] >> 8 & 0xff;
            planes[2][p] = argb[p] & 0xff;
        }
        Letterbox box = Letterbox.fit(width, height, size);
        float[] rgb = box.rgbInput(GrayPlane.ofGray255(width, height, planes[0]), GrayPlane.ofGray255(width, height, planes[1]),
                GrayPlane.ofGray255(width, height, planes[2]));
        return run(box, rgb, o, false, width, height).boxes();
    }

    /** Runs the network once; {@code withFeatures} also copies the feature taps and the heatmap out. */
    public synchronized Detection detect(GrayPlane image, DetectorOptions o, boolean withFeatures)
            throws ColorizeException {
        Letterbox box = Letterbox.fit(image.width(), image.height(), size);
        return run(box, box.rgbInput(image), o, withFeatures, image.width(), image.height());
    }

    private synchronized Detection run(Letterbox box, float[] rgb, DetectorOptions o, boolean withFeatures, int width,
            int height) throws ColorizeException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), TensorFlowRuntime.ENGINE)) {
            NDArray input = manager.create(rgb, new Shape(1, size, size, 3));
            long start = System.nanoTime();
            NDList out = TensorFlowRuntime.withContextLoader(() -> predictor.predict(new NDList(input)));
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Box> boxes = boxes(named(out, CenterNetLayout.DETECTIONS).toFloatArray(), box, o);
            Map<String, FeatureMap> features = new LinkedHashMap<>();
            if (withFeatures) {
                for (DetectorCard.Tensor t : card.outputs()) {
                    if (t.encoding().equals("features") || t.name().equals(CenterNetLayout.HEATMAP)) {
                        NDArray a = named(out, t.name());
                        features.put(t.name(), new FeatureMap(t.name(), a.getShape().getShape(), t.stride(), a.toFloatArray()));
                    }
                }
            }
            out.close();
            return new Detection(boxes, features, box, seconds);
        } catch (TranslateException | RuntimeException e) {
            throw new ColorizeException("The detector failed on a " + width + "×" + height
                    + " image: " + e.getMessage(), e);
        }
    }

    private static NDArray named(NDList out, String name) {
        NDArray a = out.get(name);
        if (a == null) {
            List<String> names = new ArrayList<>();
            out.forEach(x -> names.add(x.getName()));
            throw new IllegalStateException("the detector returned no '" + name + "' (got " + names + ")");
        }
        return a;
    }

    /** Rows of x1, y1, x2, y2, score, class in input pixels, sorted by score (the graph's top-k). */
    private List<Box> boxes(float[] rows, Letterbox box, DetectorOptions o) {
        List<Box> kept = new ArrayList<>();
        for (int r = 0; r + 6 <= rows.length && kept.size() < o.maxBoxes(); r += 6) {
            float score = rows[r + 4];
            if (score < o.minScore()) break;
            int cls = Math.round(rows[r + 5]);
            if (!o.accepts(cls)) continue;
            double x1 = box.toImageX(rows[r]);
            double y1 = box.toImageY(rows[r + 1]);
            double x2 = box.toImageX(rows[r + 2]);
            double y2 = box.toImageY(rows[r + 3]);
            if (x2 <= x1 || y2 <= y1) continue;
            String label = cls >= 0 && cls < card.labels().size() ? card.labels().get(cls) : "";
            Box b = new Box(x1, y1, x2, y2, score, cls, label);
            if (kept.stream().noneMatch(k -> k.classId() == cls && k.iou(b) > o.maxOverlap())) kept.add(b);
        }
        return kept;
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
