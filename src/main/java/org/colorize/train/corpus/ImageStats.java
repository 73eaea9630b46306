package org.colorize.train.corpus;

import java.util.Arrays;
import org.colorize.color.RgbRaster;

/**
 * What the photo filter looks at, measured on a regular sample of at most ~250k pixels:
 * <ul>
 *   <li>{@code transparent}: fraction of pixels with alpha below 128;</li>
 *   <li>{@code meanChroma}: mean of max(R,G,B) − min(R,G,B) over the opaque pixels (0–255);</li>
 *   <li>{@code chromaSpread}: standard deviation of the (Cb, Cr) vector over the opaque pixels
 *       (0–255 units) — near zero for a gray picture under a uniform tint, even when its chroma is
 *       not. (The smaller eigenvalue of the chroma second moments was tried as a stricter sepia test
 *       and rejected: every "one hue plus neutrals" photograph — blue sky over a stone statue, a red
 *       tool on white — scores near zero on it.)</li>
 *   <li>{@code flat}: fraction of opaque pixels equal (R,G,B exactly) to their right neighbour —
 *       high for drawings, clip art, diagrams and screenshots, low for photographs whose sensor
 *       noise and grain make exact repeats rare;</li>
 *   <li>{@code colors}: distinct 24-bit colors among up to 65,536 sampled opaque pixels, as a
 *       fraction of the pixels sampled.</li>
 * </ul>
 */
public record ImageStats(double transparent, double meanChroma, double chromaSpread, double flat, double colors) {

    public static ImageStats of(RgbRaster p) {
        int w = p.width(), h = p.height();
        int[] px = p.argb();
        long total = (long) w * h;
        int step = (int) Math.max(1, Math.round(Math.sqrt(total / 250_000.0)));
        long samples = 0, transparent = 0, opaque = 0, flat = 0, pairs = 0;
        double chroma = 0, sumCb = 0, sumCr = 0, sumCb2 = 0, sumCr2 = 0;
        int[] colorSample = new int[65_536];
        int nColors = 0;
        int colorStride = (int) Math.max(1, (total / (step * (long) step)) / colorSample.length + 1);
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int c = px[y * w + x];
                samples++;
                if (p.alpha() && (c >>> 24) < 128) {
                    transparent++;
                    continue;
                }
                opaque++;
                int r = (c >> 16) & 0xff, g = (c >> 8) & 0xff, b = c & 0xff;
                chroma += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                double cb = -0.168736 * r - 0.331264 * g + 0.5 * b;
                double cr = 0.5 * r - 0.418688 * g - 0.081312 * b;
                sumCb += cb;
                sumCr += cr;
                sumCb2 += cb * cb;
                sumCr2 += cr * cr;
                if (x + 1 < w) {
                    int n = px[y * w + x + 1];
                    if (!p.alpha() || (n >>> 24) >= 128) {
                        pairs++;
                        if ((n & 0xffffff) == (c & 0xffffff)) flat++;
                    }
                }
                if (opaque % colorStride == 0 && nColors < colorSample.length) colorSample[nColors++] = c & 0xffffff;
            }
        }
        if (opaque == 0) return new ImageStats(1.0, 0, 0, 1.0, 0);
        double mCb = sumCb / opaque, mCr = sumCr / opaque;
        double spread = Math.sqrt(Math.max(0, sumCb2 / opaque - mCb * mCb) + Math.max(0, sumCr2 / opaque - mCr * mCr));
        int[] colors = Arrays.copyOf(colorSample, nColors);
        Arrays.sort(colors);
        int distinct = nColors == 0 ? 0 : 1;
        for (int i = 1; i < nColors; i++) if (colors[i] != colors[i - 1]) distinct++;
        return new ImageStats((double) transparent / samples, chroma / opaque, spread,
                pairs == 0 ? 0 : (double) flat / pairs, nColors == 0 ? 0 : (double) distinct / nColors);
    }
}
