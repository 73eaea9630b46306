package org.colorize.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with values computed independently in Python (scikit-image 0.19.3, numpy) by
 * {@code src/test/resources/org/colorize/eval/make_fixtures.py}.
 */
class ScikitImageReferenceTest {

    private static final JsonObject REF = Fixtures.reference();

    static Stream<JsonObject> pairs() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : REF.getAsJsonArray("pairs")) {
            out.add(e.getAsJsonObject());
        }
        return out.stream();
    }

    static Stream<Map.Entry<String, JsonElement>> images() {
        return REF.getAsJsonObject("images").entrySet().stream();
    }

    @Test
    void fixturesArePresent() {
        assertEquals(5, REF.getAsJsonArray("pairs").size());
        assertEquals(8, REF.getAsJsonObject("images").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void psnrMatchesSkimage(JsonObject pair) {
        Fixtures.Rgb pred = Fixtures.rgb(pair.get("pred").getAsString());
        Fixtures.Rgb truth = Fixtures.rgb(pair.get("truth").getAsString());
        double expected = pair.get("psnr").getAsDouble();
        assertEquals(expected, Psnr.rgb(pred.argb(), truth.argb()), 1e-6 * Math.abs(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void ssimMatchesSkimageDefaults(JsonObject pair) {
        Fixtures.Rgb pred = Fixtures.rgb(pair.get("pred").getAsString());
        Fixtures.Rgb truth = Fixtures.rgb(pair.get("truth").getAsString());
        assertEquals(pair.get("ssim").getAsDouble(),
                Ssim.rgb(pred.argb(), truth.argb(), truth.width(), truth.height()), 1e-4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void gaussianSsimMatchesSkimageWangSettings(JsonObject pair) {
        Fixtures.Rgb pred = Fixtures.rgb(pair.get("pred").getAsString());
        Fixtures.Rgb truth = Fixtures.rgb(pair.get("truth").getAsString());
        assertEquals(pair.get("ssim_gaussian").getAsDouble(),
                Ssim.rgbGaussian(pred.argb(), truth.argb(), truth.width(), truth.height()), 1e-4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aucCurveAndAreaMatchNumpy(JsonObject pair) {
        Fixtures.Ab pred = Fixtures.ab(pair.get("pred").getAsString());
        Fixtures.Ab truth = Fixtures.ab(pair.get("truth").getAsString());
        JsonArray c = pair.getAsJsonArray("auc_curve");
        double[] expected = new double[c.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = c.get(i).getAsDouble();
        }
        // same double arithmetic on the same float32 inputs: the fractions agree exactly
        assertArrayEquals(expected, AbErrorAuc.curve(pred.a(), pred.b(), truth.a(), truth.b()), 0.0);
        assertEquals(pair.get("auc").getAsDouble(), AbErrorAuc.auc(pred.a(), pred.b(), truth.a(), truth.b()),
                1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void deltaColorfulnessMatchesNumpy(JsonObject pair) {
        Fixtures.Rgb pred = Fixtures.rgb(pair.get("pred").getAsString());
        Fixtures.Rgb truth = Fixtures.rgb(pair.get("truth").getAsString());
        double expected = pair.get("delta_cf").getAsDouble();
        assertEquals(expected, Colorfulness.delta(pred.argb(), truth.argb()),
                1e-6 * pair.get("cf_truth").getAsDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void colorfulnessMatchesNumpy(Map.Entry<String, JsonElement> image) {
        JsonObject info = image.getValue().getAsJsonObject();
        Fixtures.Rgb rgb = Fixtures.rgb(image.getKey());
        assertEquals(info.get("width").getAsInt(), rgb.width());
        assertEquals(info.get("height").getAsInt(), rgb.height());
        double expected = info.get("cf").getAsDouble();
        assertEquals(expected, Colorfulness.of(rgb.argb()), 1e-6 * Math.max(expected, 1e-300));
    }
}
