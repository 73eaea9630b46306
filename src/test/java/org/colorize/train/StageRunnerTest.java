package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.colorize.nn.Adam;
import org.colorize.nn.FusionGeometry.NetBox;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Tensors;
import org.colorize.testing.Slow;
import org.junit.jupiter.api.Test;

/**
 * InstColorization's three stages on one set of weights: each trains its own scope, the fusion stage
 * only fusion/. Slow: four training graphs with gradients (1–6 min on 2 shared cores).
 */
@Slow
class StageRunnerTest {
    private static final int SIZE = 16;
    private static final int CROP = 8;

    @Test
    void fusionTrainsOnlyTheFusionWeightsWithBothNetsFrozen() {
        Siggraph17Config cfg = Siggraph17Config.regression(1.0 / 16, 1);
        Random rnd = new Random(3);
        List<InstanceSample> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            samples.add(new InstanceSample(random(rnd, SIZE * SIZE, 100), random(rnd, SIZE * SIZE * 2, 60),
                    List.of(new NetBox(1, 2, 9, 12), new NetBox(6, 4, 16, 16)),
                    List.of(random(rnd, CROP * CROP, 100), random(rnd, CROP * CROP, 100)),
                    List.of(random(rnd, CROP * CROP * 2, 60), random(rnd, CROP * CROP * 2, 60)), "synthetic"));
        }
        List<String> log = new ArrayList<>();
        try (StageRunner runner = new StageRunner(Adam.Config.defaults().withLearningRate(1e-2), 5, log::add)) {
            List<float[]> ls = samples.stream().map(InstanceSample::l).toList();
            List<float[]> abs = samples.stream().map(InstanceSample::ab).toList();
            // held out: three pictures in batches of 2, scored in inference mode
            StageRunner.StageResult full = runner.run(new FullNetStage("full-image", "", cfg, SIZE, 2, ls, abs, ls, abs), 2, 600);
            assertEquals(2, full.validated().feeds());
            assertTrue(full.validated().best() <= full.validated().first() && Double.isNaN(full.validated().baseline()),
                    full.validated().toString());
            Map<String, double[]> afterFull = snapshot(runner);
            assertTrue(afterFull.keySet().stream().noneMatch(k -> k.startsWith("instance/") || k.startsWith("fusion/")));
            List<float[]> cl = new ArrayList<>();
            List<float[]> cab = new ArrayList<>();
            samples.forEach(s -> {
                cl.addAll(s.cropL());
                cab.addAll(s.cropAb());
            });
            runner.run(new FullNetStage("instance", "instance", cfg, CROP, 2, cl, cab), 2, 600);
            Map<String, double[]> afterInstance = snapshot(runner);
            afterFull.forEach((k, v) -> assertArrayEquals(v, afterInstance.get(k), 0, "the instance stage leaves " + k + " alone"));
            runner.run(new FusionStage(cfg, org.colorize.nn.FusionConfig.COLORIZE, SIZE, CROP, samples), 3, 600);
            Map<String, double[]> afterFusion = snapshot(runner);
            for (Map.Entry<String, double[]> e : afterFusion.entrySet()) {
                String k = e.getKey();
                if (k.startsWith("fusion/")) assertFalse(afterInstance.containsKey(k), "fusion variables are new in the fusion stage");
                else assertArrayEquals(afterInstance.get(k), e.getValue(), 0, "frozen: " + k);
            }
            // a second fusion run continues from the first: fusion weights move, nothing else does
            runner.run(new FusionStage(cfg, org.colorize.nn.FusionConfig.COLORIZE, SIZE, CROP, samples), 2, 600);
            Map<String, double[]> again = snapshot(runner);
            int moved = 0;
            for (Map.Entry<String, double[]> e : again.entrySet()) {
                String k = e.getKey();
                if (!k.startsWith("fusion/")) assertArrayEquals(afterInstance.get(k), e.getValue(), 0, "frozen: " + k);
                else if (!java.util.Arrays.equals(afterFusion.get(k), e.getValue())) moved++;
            }
            assertTrue(moved > 0, "the fusion stage trains the fusion weights");
            // with held-out pictures: scored before training, against the same pictures without boxes (the full-image net alone)
            StageRunner.StageResult validated = runner.run(new FusionStage(cfg, org.colorize.nn.FusionConfig.COLORIZE, SIZE, CROP,
                    samples, samples.subList(0, 2)), 1, 600);
            StageRunner.Validated v = validated.validated();
            assertEquals(2, v.feeds());
            assertTrue(Double.isFinite(v.baseline()) && v.baseline() != v.first(), v.toString());
            assertTrue(v.best() <= v.first() && v.best() <= v.last(), v.toString());
            assertTrue(afterFusion.keySet().stream().filter(k -> k.startsWith("fusion/")).count() == 13 * 2 * 3 * 2);
            assertEquals(5, runner.results().size());
            assertEquals(3, runner.results().get(2).steps());
        }
        assertTrue(log.stream().anyMatch(s -> s.contains("fusion: 3 steps")), log.toString());
    }

    private static Map<String, double[]> snapshot(StageRunner r) {
        Map<String, double[]> out = new HashMap<>();
        r.weights().forEach((k, v) -> out.put(k, Tensors.values(v)));
        return out;
    }

    private static float[] random(Random rnd, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rnd.nextDouble() * scale);
        return v;
    }
}
