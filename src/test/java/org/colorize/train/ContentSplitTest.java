package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Look-alike images share their group's smallest split key; different images keep their own. */
class ContentSplitTest {

    private static RgbImage scene(int w, int h, long seed, double phase, int noise) {
        Random r = new Random(seed);
        byte[] rgb = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 128 + 100 * Math.sin(phase + x * 9.0 / w) * Math.cos(y * 5.0 / h + phase * 3);
                for (int c = 0; c < 3; c++) {
                    int n = (int) Math.round(v + (c - 1) * 20 + r.nextGaussian() * noise);
                    rgb[3 * (y * w + x) + c] = (byte) Math.max(0, Math.min(255, n));
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static TrainingData.Item item(String name, RgbImage im, double key) {
        return item(name, im, key, "");
    }

    private static TrainingData.Item item(String name, RgbImage im, double key, String phash) {
        return new TrainingData.Item(new TrainingData.Source(Path.of(name), name, "x", "p", "scene", phash), im, key);
    }

    @Test
    void lookAlikesStayOnOneSide() {
        RgbImage a = scene(120, 90, 1, 0.3, 3);
        RgbImage aFrame = scene(160, 120, 2, 0.3, 6); // the same scene, another size and noise: another video frame
        RgbImage b = scene(120, 90, 3, 2.1, 3);
        assertTrue(Long.bitCount(ContentSplit.differenceHash(a) ^ ContentSplit.differenceHash(aFrame)) <= ContentSplit.SAME_SCENE_BITS);
        assertTrue(Long.bitCount(ContentSplit.differenceHash(a) ^ ContentSplit.differenceHash(b)) > ContentSplit.SAME_SCENE_BITS);
        List<TrainingData.Item> out = ContentSplit.regroup(List.of(item("a", a, 0.9), item("b", b, 0.5), item("frame", aFrame, 0.01)));
        assertEquals(0.01, out.get(0).splitKey(), "a takes its look-alike's key: both validate");
        assertEquals(0.5, out.get(1).splitKey());
        assertEquals(0.01, out.get(2).splitKey());
        assertEquals("a", out.get(0).source().relative(), "order and sources are kept");
    }

    @Test
    void theManifestsHashesGroupWhenEveryPictureHasOne() {
        RgbImage a = scene(120, 90, 1, 0.3, 3);
        RgbImage b = scene(120, 90, 3, 2.1, 3);
        // the pixels say a and b differ; the manifest says they are one picture, and c (a's pixels) another
        List<TrainingData.Item> byManifest = ContentSplit.regroup(List.of(item("a", a, 0.9, "00000000000000ff"),
                item("b", b, 0.05, "00000000000000fe"), item("c", a, 0.6, "ffffffffffff0000")));
        assertEquals(0.05, byManifest.get(0).splitKey(), "a and b are within 1 bit in the manifest");
        assertEquals(0.05, byManifest.get(1).splitKey());
        assertEquals(0.6, byManifest.get(2).splitKey(), "c's manifest hash is far from a's, whatever its pixels");
        // one picture without a hash: all hashes come from the pixels (the two conventions are not mixed)
        List<TrainingData.Item> byPixels = ContentSplit.regroup(List.of(item("a", a, 0.9, "00000000000000ff"),
                item("b", b, 0.05, "00000000000000fe"), item("c", a, 0.6, "")));
        assertEquals(0.6, byPixels.get(0).splitKey(), "a groups with c, its copy");
        assertEquals(0.05, byPixels.get(1).splitKey());
        assertEquals(0.6, byPixels.get(2).splitKey());
    }
}
