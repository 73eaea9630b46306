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

    /** The same particles, at most {@code n} boxes. */
    public ParticleBoxes withMaxBoxes(int n) {
        return new ParticleBoxes(threshold, bright, minArea, maxArea, n);
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

    /**
     * The particles of one 2-D ImgLib2 plane of any real type, its values read as gray levels 0–255
     * (scale 16-bit or float data to that range first, or give the threshold in the same units).
     */
    public List<Box> boxes(net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>> plane) {
        if (plane.numDimensions() != 2) throw new IllegalArgumentException("particles need a 2-D plane, got " + plane.numDimensions() + "-D");
        int w = (int) plane.dimension(0);
        int h = (int) plane.dimension(1);
        float[] values = new float[w * h];
        net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> c = net.imglib2.view.Views.flatIterable(plane).cursor();
        for (int i = 0; c.hasNext(); i++) values[i] = c.next().getRealFloat();
        return boxes(GrayPlane.ofGray255(w, h, values));
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
