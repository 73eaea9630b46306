package org.colorize.nn;

import org.colorize.testing.Slow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A tiny network learns a synthetic colorization (ab a fixed function of L) with Adam; its
 * exported SavedModel, loaded through DJL, reproduces the training graph's inference branch.
 */
@Slow
class TrainAndExportTest {
    private static final int BATCH = 8;
    private static final int SIZE = 32;

    /** Smooth random L images in 0…100 and their ab/110 = (0.5·(L−50)/50, 0.4·cos(πL/100)). */
    private static float[][] syntheticBatch(Random r, int n, int h, int w) {
        float[] l = new float[n * h * w];
        float[] ab = new float[n * h * w * 2];
        for (int b = 0; b < n; b++) {
            double fx = 1 + 3 * r.nextDouble();
            double fy = 1 + 3 * r.nextDouble();
            double px = 2 * Math.PI * r.nextDouble();
            double py = 2 * Math.PI * r.nextDouble();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = (b * h + y) * w + x;
                    double v = 50 + 25 * Math.sin(fx * 2 * Math.PI * x / w + px) + 20 * Math.cos(fy * 2 * Math.PI * y / h + py)
                            + 5 * r.nextGaussian();
                    v = Math.max(0, Math.min(100, v));
                    l[i] = (float) v;
                    ab[2 * i] = (float) (0.5 * (v - 50) / 50);
                    ab[2 * i + 1] = (float) (0.4 * Math.cos(Math.PI * v / 100));
                }
            }
        }
        return new float[][] {l, ab};
    }

    @Test
    void lossFallsAndExportedModelMatchesInferenceBranchThroughDjl(@TempDir Path tmp) throws Exception {
        Siggraph17Config cfg = Siggraph17Config.regression(0.125, 1);
        Random random = new Random(3);
        float[][] batch = syntheticBatch(random, BATCH, SIZE, SIZE);
        Shape testShape = Shape.of(2, 24, 40, 1); // other batch and size than training: H, W are dynamic
        float[] testL = syntheticBatch(random, 2, 24, 40)[0];
        Path dir = tmp.resolve("model");
        float[] expected;
        try (var f = TfFixture.training(TFloat32.class)) {
            var l = f.placeholder("l", Shape.of(-1, -1, -1, 1));
            var target = f.placeholder("ab", Shape.of(-1, -1, -1, 2));
            var out = Siggraph17Net.build(f.store, l, cfg);
            var loss = Losses.smoothL1(f.tf, out.abNormalized(), target, Losses.INSTCOLORIZATION_DELTA);
            var step = Adam.minimize(f.store, loss, Adam.Config.defaults().withLearningRate(3e-3));
            var eval = Siggraph17Net.build(f.store.view(ParameterStore.Mode.INFERENCE, "eval"), l, cfg);
            f.session.initialize();

            int steps = 30;
            double[] losses = new double[steps];
            long t0 = System.nanoTime();
            try (Tensor lt = Tensors.of(Shape.of(BATCH, SIZE, SIZE, 1), batch[0]);
                    Tensor abt = Tensors.of(Shape.of(BATCH, SIZE, SIZE, 2), batch[1])) {
                for (int i = 0; i < steps; i++) {
                    try (Result r = f.session.runner().feed(l, lt).feed(target, abt).addTarget(step.op()).fetch(loss).run()) {
                        losses[i] = Tensors.scalar(r.get(0));
                    }
                }
            }
            double first = (losses[0] + losses[1]) / 2;
            double last = (losses[steps - 2] + losses[steps - 1]) / 2;
            System.out.printf("train: %d steps of %d×%d² in %.1f s, loss %.4f → %.4f%n", steps, BATCH, SIZE,
                    (System.nanoTime() - t0) / 1e9, first, last);
            assertTrue(last < 0.6 * first, "loss did not fall: " + first + " → " + last);

            try (Tensor t = Tensors.of(testShape, testL); Result r = f.session.runner().feed(l, t).fetch(eval.ab()).run()) {
                expected = toFloats(r.get(0));
            }
            SavedModelExport.exportSiggraph17(dir, f.session, cfg);
        }

        try (SavedModelBundle b = SavedModelBundle.load(dir.toString(), "serve")) {
            Iterator<GraphOperation> ops = b.graph().operations();
            while (ops.hasNext()) {
                GraphOperation op = ops.next();
                assertTrue(!op.name().startsWith("adam") && !op.type().startsWith("ApplyAdam")
                        && !op.type().equals("AssignSub"), "training op exported: " + op.name() + " " + op.type());
            }
            assertNull(b.graph().operation("adam/beta1_power"));
        }
        assertTrue(Files.size(dir.resolve("saved_model.pb")) > 0);

        float[] got;
        try (ZooModel<NDList, NDList> model = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(dir)
                .optEngine("TensorFlow").optTranslator(new NoopTranslator()).build().loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager("TensorFlow")) {
            NDList result = predictor.predict(new NDList(manager.create(testL,
                    new ai.djl.ndarray.types.Shape(testShape.asArray()))));
            assertEquals(new ai.djl.ndarray.types.Shape(2, 24, 40, 2), result.singletonOrThrow().getShape());
            got = result.singletonOrThrow().toFloatArray();
        }
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < got.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(got[i] - expected[i]));
            maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
        }
        System.out.printf("export: DJL vs training graph's inference branch, max |Δab| = %.3g (max |ab| %.1f)%n", maxDiff,
                maxAbs);
        assertTrue(maxAbs > 1, "network output is trivially small");
        assertTrue(maxDiff <= 1e-4, "DJL output differs by " + maxDiff);
    }

    @Test
    void distributionHeadExportsLogits(@TempDir Path tmp) throws Exception {
        int q = 13;
        Siggraph17Config cfg = Siggraph17Config.distribution(0.0625, 4, q);
        Path dir = tmp.resolve("classes");
        try (var f = TfFixture.training(TFloat32.class)) {
            Siggraph17Net.build(f.store, f.placeholder("l", Shape.of(-1, -1, -1, 4)), cfg);
            f.session.initialize();
            SavedModelExport.exportSiggraph17(dir, f.session, cfg);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> SavedModelExport.exportSiggraph17(dir, f.session, cfg));
        }
        try (ZooModel<NDList, NDList> model = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(dir)
                .optEngine("TensorFlow").optTranslator(new NoopTranslator()).build().loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager("TensorFlow")) {
            NDList result = predictor.predict(new NDList(manager.ones(new ai.djl.ndarray.types.Shape(1, 16, 24, 4))));
            assertEquals(new ai.djl.ndarray.types.Shape(1, 4, 6, q), result.singletonOrThrow().getShape());
        }
    }

    private static float[] toFloats(Tensor t) {
        double[] d = Tensors.values(t);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }
}
