package org.colorize.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Boxes of the particles of a thresholded image, for microscopy (cells, nuclei): pixels on the
 * chosen side of a gray-level threshold, grouped into 8-connected components; components of
 * {@code minArea} to {@code maxArea} pixels give their bounding box, the largest {@code maxBoxes}
 * first. Pure Java on the {@link GrayPlane}, no ImageJ.
 *
 * @param threshold gray level 0–255; NaN: Otsu's threshold of the image
 * @param bright    particles are brighter than the threshold (fluorescence) rather than darker (stain)
 * @param minArea   smallest particle, in pixels
 * @param maxArea   largest particle, in pixels
 * @param maxBoxes  most boxes returned
 */
public record ParticleBoxes(double threshold, boolean bright, long minArea, long maxArea, int maxBoxes) implements BoxSource {
    public ParticleBoxes {
        if (minArea < 1 || maxArea < minArea) throw new IllegalArgumentException("particle sizes must be 1 ≤ min ≤ max, were " + minArea + "–" + maxArea);
        if (maxBoxes < 0) throw new IllegalArgumentException("maxBoxes must be ≥ 0, was " + maxBoxes);
    }

    /** Bright particles of at least 50 px above Otsu's threshold, 8 at most. */
    public static ParticleBoxes defaults() {
        return new ParticleBoxes(Double.NaN, true, 50, Long.MAX_VALUE, DetectorOptions.DEFAULT_MAX_BOXES);
    }

    @Override
    public List<Box> boxes(GrayPlane image) {
        int w = image.width();
        int h = image.height();
        double t = Double.isNaN(threshold) ? otsu(image) : threshold;
        boolean[] fg = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float g = image.gray255(x, y);
                fg[y * w + x] = bright ? g > t : g < t;
            }
        }
        List<Box> out = new ArrayList<>();
        int[] stack = new int[w * h];
        for (int start = 0; start < fg.length; start++) {
            if (!fg[start]) continue;
            fg[start] = false;
            int top = 0;
            stack[top++] = start;
            long area = 0;
            int x1 = w, y1 = h, x2 = -1, y2 = -1;
            while (top > 0) {
                int p = stack[--top];
                int px = p % w;
                int py = p / w;
                area++;
                x1 = Math.min(x1, px);
                y1 = Math.min(y1, py);
                x2 = Math.max(x2, px);
                y2 = Math.max(y2, py);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= h) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx < 0 || nx >= w) continue;
                        int q = ny * w + nx;
                        if (fg[q]) {
                            fg[q] = false;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (area >= minArea && area <= maxArea) {
                out.add(new Box(x1, y1, x2 + 1, y2 + 1, 1f, Box.NO_CLASS, "particle"));
            }
        }
        return Boxes.largest(out, maxBoxes);
    }

    /** Otsu's threshold on a 256-bin histogram of gray levels: the level maximizing the between-class variance. */
    static double otsu(GrayPlane image) {
        long[] hist = new long[256];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                hist[Math.max(0, Math.min(255, Math.round(image.gray255(x, y))))]++;
            }
        }
        long total = (long) image.width() * image.height();
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += (double) i * hist[i];
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int level = 0;
        for (int i = 0; i < 256; i++) {
            wB += hist[i];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (double) i * hist[i];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                level = i;
            }
        }
        return level + 0.5; // pixels at the level go with the dark class
    }
}
