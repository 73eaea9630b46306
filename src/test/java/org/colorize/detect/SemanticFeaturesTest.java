package org.colorize.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feature taps kept over the image's cells and resampled onto a view: positions, mirroring, pooling. */
class SemanticFeaturesTest {

    /** A tap whose channel k at cell (x, y) holds {@code xy(x, y)} + 1000·k. */
    private static FeatureMap tap(String name, int side, int channels, int stride, java.util.function.IntBinaryOperator xy) {
        float[] v = new float[side * side * channels];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                for (int k = 0; k < channels; k++) v[(y * side + x) * channels + k] = xy.applyAsInt(x, y) + 1000 * k;
            }
        }
        return new FeatureMap(name, new long[] {1, side, side, channels}, stride, v);
    }

    /** A 1024×512 image: letterbox scale 0.5, content 512×256 of the 512² input. */
    private static SemanticFeatures features() {
        Map<String, FeatureMap> f = new LinkedHashMap<>();
        f.put("heatmap", tap("heatmap", 128, 80, 4, (x, y) -> x == 9 && y == 2 ? 500 : x % 4));
        f.put("features_s8", tap("features_s8", 64, 96, 8, (x, y) -> x));
        f.put("features_s16", tap("features_s16", 32, 88, 16, (x, y) -> 100 * y + x));
        f.put("features_s32", tap("features_s32", 16, 120, 32, (x, y) -> 7 * x));
        return SemanticFeatures.of(new Detection(List.of(), f, Letterbox.fit(1024, 512, 512), 0));
    }

    @Test
    void theWholeImageOnTheTapsOwnGridIsTheTap() {
        SemanticFeatures s = features();
        // the top-left 512×512 image px are 256 letterbox px: 32 cells of stride 8, one per grid cell
        float[] v = s.sampleS8(0, 0, 512, 512, 32, false);
        for (int u = 0; u < 32; u++) assertEquals(u, v[(5 * 32 + u) * 96], 1e-4, "cell centers map onto cell centers");
        assertEquals(1000 * 3 + 7, v[(0 * 32 + 7) * 96 + 3], 1e-4, "channels stay channels");
        float[] m = s.sampleS8(0, 0, 512, 512, 32, true);
        for (int u = 0; u < 32; u++) assertEquals(31 - u, m[(5 * 32 + u) * 96], 1e-4, "mirrored left-right");
    }

    @Test
    void s16GroupHoldsUpsampledS32AndPooledHeatmap() {
        SemanticFeatures s = features();
        // 512 image px = 256 letterbox px = 16 cells of stride 16, one per grid cell
        float[] v = s.sampleS16(0, 0, 512, 512, 16, false);
        int c = SemanticFeatures.S16_CHANNELS;
        assertEquals(100 * 3 + 5, v[(3 * 16 + 5) * c], 1e-4, "stride-16 tap");
        assertEquals(7 * (5 / 2), v[(3 * 16 + 5) * c + 88], 1e-4, "stride-32 tap, nearest cell");
        // heatmap cell (9, 2) at stride 4 lies in stride-16 cell (2, 0): the max of its 4×4 block
        assertEquals(500, v[(0 * 16 + 2) * c + 88 + 120], 1e-4, "max-pooled heatmap");
        assertEquals(3, v[(0 * 16 + 1) * c + 88 + 120], 1e-4, "the block max of x % 4");
        assertEquals(1, v[(0 * 16 + 1) * c + 88 + 120 + 1] / 1000, 0.01, "heatmap channel 1");
    }

    @Test
    void viewsBeyondTheContentClampToItsEdge() {
        SemanticFeatures s = features();
        // image rows ≥ 512 lie below the content (256 letterbox px = 16 rows of stride 16): the last row answers
        float[] v = s.sampleS16(0, 600, 64, 64, 4, false);
        assertEquals(100 * 15, v[0], 1e-4);
    }

    @Test
    void needsTheFeatures() {
        assertThrows(IllegalArgumentException.class, () -> SemanticFeatures.of(new Detection(List.of(), Map.of(),
                Letterbox.fit(10, 10, 512), 0)));
    }
}
