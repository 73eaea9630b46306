package org.colorize.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The converted SavedModel against TF.js itself: tfjs_reference_astronaut.json holds what TF.js
 * 4.22 (CPU backend) computes from the original centernet.json on the same input (the bundled gray
 * astronaut, 512², so the letterbox is the identity): the top detections and, per tap, sums and
 * samples. Measured agreement: max |difference| 1e-6 on the heatmap, 1e-4 on features up to 45.
 */
class TfjsReferenceTest {
    @Test
    void convertedModelComputesWhatTfjsComputes() throws Exception {
        JsonObject ref;
        try (var in = new InputStreamReader(getClass().getResourceAsStream("tfjs_reference_astronaut.json"), StandardCharsets.UTF_8)) {
            ref = JsonParser.parseReader(in).getAsJsonObject();
        }
        try (Detector detector = Detector.load(DetectorTest.MODEL)) {
            Detection d = detector.detect(GrayImages.resource("astronaut_gray_L.png"),
                    DetectorOptions.defaults().withMinScore(0).withMaxBoxes(100).withMaxOverlap(1), true);
            for (Map.Entry<String, FeatureMap> e : d.features().entrySet()) {
                JsonObject r = ref.getAsJsonObject(e.getKey());
                float[] v = e.getValue().values();
                assertArrayEquals(longs(r.getAsJsonArray("shape")), e.getValue().shape(), e.getKey());
                double sum = 0;
                double sumSq = 0;
                for (float x : v) {
                    sum += x;
                    sumSq += (double) x * x;
                }
                double scale = Math.sqrt(sumSq / v.length);
                assertEquals(r.get("sum").getAsDouble(), sum, 1e-5 * v.length * scale, e.getKey() + " sum");
                assertEquals(r.get("sumSq").getAsDouble(), sumSq, 1e-4 * sumSq, e.getKey() + " sum of squares");
                for (JsonElement s : r.getAsJsonArray("samples")) {
                    int i = s.getAsJsonArray().get(0).getAsInt();
                    assertEquals(s.getAsJsonArray().get(1).getAsDouble(), v[i], 1e-3 * Math.max(1, scale), e.getKey() + "[" + i + "]");
                }
            }
            JsonArray rows = ref.getAsJsonObject("detections").getAsJsonArray("first10");
            List<Box> boxes = d.boxes();
            for (int k = 0; k < 5; k++) {
                Box b = boxes.get(k);
                double[] expected = new double[6];
                for (int c = 0; c < 6; c++) expected[c] = rows.get(k * 6 + c).getAsDouble();
                assertEquals(expected[4], b.score(), 1e-4, "score of box " + k);
                assertEquals((int) expected[5], b.classId(), "class of box " + k);
                assertEquals(clamp(expected[0]), b.x1(), 0.05, "x1 of box " + k);
                assertEquals(clamp(expected[1]), b.y1(), 0.05, "y1 of box " + k);
                assertEquals(clamp(expected[2]), b.x2(), 0.05, "x2 of box " + k);
                assertEquals(clamp(expected[3]), b.y2(), 0.05, "y2 of box " + k);
            }
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(512, v));
    }

    private static long[] longs(JsonArray a) {
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsLong();
        return v;
    }
}
