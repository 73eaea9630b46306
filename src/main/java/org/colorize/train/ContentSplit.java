package org.colorize.train;

import java.util.ArrayList;
import java.util.List;
import org.colorize.train.corpus.PerceptualHash;

/**
 * Keeps look-alike images on the same side of the training/validation split. Each image gets a
 * 64-bit difference hash of its luma (9×8 area means, one bit per horizontal neighbour pair);
 * images whose hashes differ in at most {@link #SAME_SCENE_BITS} bits are grouped (transitively:
 * frames of one video, crops and re-exports of one photo, panorama frames), and every member of a
 * group takes the smallest split key of the group. A validation image then never has a near copy
 * among the training images, whatever their file names.
 */
final class ContentSplit {
    /**
     * Looser than the corpus' de-duplication (4 bits): a group that is too large only moves a few
     * training images to validation, a missed look-alike leaks into the validation score.
     */
    static final int SAME_SCENE_BITS = 10;

    private ContentSplit() {
    }

    /**
     * The items with the split keys of their content groups, in the same order. When the manifest gives
     * every item's hash (the corpus tool's, of the source picture) the groups come from those: then
     * the split does not depend on the size the pictures were decoded at, which follows the crop size
     * and the memory (a 64² run and a 128² run of one corpus once held out different pictures, so a
     * warm start at one size had trained on the other's validation images). Otherwise the hashes are
     * computed from the decoded pictures.
     */
    static List<TrainingData.Item> regroup(List<TrainingData.Item> items) {
        double[] splitKeys = items.stream().mapToDouble(TrainingData.Item::splitKey).toArray();
        double[] keys = items.stream().allMatch(it -> !it.source().phash().isEmpty())
                ? groupKeys(items.stream().mapToLong(it -> PerceptualHash.parseHex(it.source().phash())).toArray(), splitKeys)
                : groupKeys(items.stream().map(TrainingData.Item::image).toList(), splitKeys);
        List<TrainingData.Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            TrainingData.Item it = items.get(i);
            out.add(new TrainingData.Item(it.source(), it.image(), keys[i]));
        }
        return out;
    }

    /** Per image, the smallest of {@code keys} over its group of look-alikes. */
    static double[] groupKeys(List<RgbImage> images, double[] keys) {
        return groupKeys(images.stream().mapToLong(ContentSplit::differenceHash).toArray(), keys);
    }

    /** Per picture, the smallest of {@code keys} over the group of pictures whose hashes are within {@link #SAME_SCENE_BITS}. */
    static double[] groupKeys(long[] hash, double[] keys) {
        int n = hash.length;
        if (keys.length != n) throw new IllegalArgumentException(n + " hashes, " + keys.length + " keys");
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Long.bitCount(hash[i] ^ hash[j]) <= SAME_SCENE_BITS) union(parent, i, j);
            }
        }
        double[] groupKey = new double[n];
        java.util.Arrays.fill(groupKey, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            groupKey[r] = Math.min(groupKey[r], keys[i]);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = groupKey[find(parent, i)];
        return out;
    }

    /** dHash: 9×8 area means of the luma, bit (y, x) set when cell x is brighter than cell x + 1. */
    static long differenceHash(RgbImage im) {
        double[] cell = new double[9 * 8];
        int[] count = new int[9 * 8];
        byte[] rgb = im.rgb();
        for (int y = 0; y < im.height(); y++) {
            int cy = y * 8 / im.height();
            for (int x = 0; x < im.width(); x++) {
                int cx = x * 9 / im.width();
                int p = 3 * (y * im.width() + x);
                cell[cy * 9 + cx] += 0.299 * (rgb[p] & 0xff) + 0.587 * (rgb[p + 1] & 0xff) + 0.114 * (rgb[p + 2] & 0xff);
                count[cy * 9 + cx]++;
            }
        }
        long h = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double a = cell[y * 9 + x] / Math.max(1, count[y * 9 + x]);
                double b = cell[y * 9 + x + 1] / Math.max(1, count[y * 9 + x + 1]);
                h = h << 1 | (a > b ? 1 : 0);
            }
        }
        return h;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
