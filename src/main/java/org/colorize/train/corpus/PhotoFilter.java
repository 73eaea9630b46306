package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;

/**
 * Decides whether a decoded image is a usable color photograph, and of which kind. The
 * thresholds were set on this corpus' packages (photographs vs. their logos, drawings and
 * screenshots):
 * <ul>
 *   <li>{@code tiny}: shorter side (of the opaque part, for a cut-out) below {@value #MIN_SIDE} px;</li>
 *   <li>{@code icon}: an icon by its path ({@code /icons/}, {@code /pixmaps/}, {@code *icon*});</li>
 *   <li>{@code gray}: mean chroma (max−min of R,G,B) below {@value #MIN_MEAN_CHROMA} of 255;</li>
 *   <li>{@code monotone}: {@link ImageStats#chromaSpread()} below {@value #MIN_CHROMA_SPREAD} — a gray
 *       picture under a uniform tint (toned prints, single-color textures). A sepia whose tint
 *       strength follows lightness spreads its chroma and is not caught; there are no such images
 *       in the packages used;</li>
 *   <li>{@code flat-colors}: distinct colors below {@value #MIN_COLOR_FRACTION} of the pixels sampled
 *       at ≤ 512 px — logos, clip art, cartoons (photographs measured 0.07–0.8 here);</li>
 *   <li>an image with at least {@value #CUTOUT_TRANSPARENT} of its pixels transparent (alpha &lt; 128)
 *       is a {@link Kind#CUTOUT}; a surface texture with transparency is refused
 *       ({@code transparent-surface});</li>
 *   <li>{@code drawing}: a cut-out whose opaque pixels equal their right neighbour in more than
 *       {@value #MAX_CUTOUT_FLAT} of cases at ≤ 512 px — cartoons and renders with flat fills (photo
 *       cut-outs measured ≤ 0.33 on Tux Paint's stamps). Scenes are not tested this way: smooth
 *       skies and bokeh in JPEG photographs decode to long runs of equal pixels too.</li>
 * </ul>
 */
public final class PhotoFilter {
    public static final int MIN_SIDE = 128;
    public static final double MIN_MEAN_CHROMA = 6.0;
    public static final double MIN_CHROMA_SPREAD = 3.0;
    public static final double MIN_COLOR_FRACTION = 0.05;
    public static final double CUTOUT_TRANSPARENT = 0.01;
    public static final double MAX_CUTOUT_FLAT = 0.4;
    /** Statistics are measured on the image reduced to this longer side (cheap, resolution-independent). */
    static final int STATS_SIDE = 512;

    /** The outcome: a kind (accepted) or a reason (refused), the measurements, and the pixels to keep. */
    public record Verdict(Kind kind, String reason, ImageStats stats, RgbRaster pixels) {
        public boolean accepted() {
            return kind != null;
        }
    }

    private PhotoFilter() {
    }

    /** Cheap checks that need only the path. */
    public static String pathReason(String logicalPath) {
        return CorpusSources.ICON_PATH.matcher(logicalPath).matches() ? "icon" : null;
    }

    /**
     * Classifies {@code p}, whose rule gave it {@code ruleKind}. A cut-out is cropped to the
     * bounding box of its visible pixels (alpha &gt; 0), which the verdict returns.
     */
    public static Verdict classify(RgbRaster p, Kind ruleKind) {
        if (p.minSide() < MIN_SIDE) return new Verdict(null, "tiny", null, p);
        RgbRaster small = AreaDownscaler.fit(p, STATS_SIDE);
        ImageStats s = ImageStats.of(small);
        Kind kind = ruleKind;
        RgbRaster keep = p;
        if (p.alpha() && s.transparent() >= CUTOUT_TRANSPARENT) {
            if (ruleKind == Kind.SURFACE) return new Verdict(null, "transparent-surface", s, p);
            kind = Kind.CUTOUT;
            keep = cropToVisible(p);
            if (keep == null || keep.minSide() < MIN_SIDE) return new Verdict(null, "tiny", s, p);
        } else if (ruleKind == Kind.CUTOUT) {
            kind = Kind.SCENE;
        }
        if (s.meanChroma() < MIN_MEAN_CHROMA) return new Verdict(null, "gray", s, p);
        if (s.chromaSpread() < MIN_CHROMA_SPREAD) return new Verdict(null, "monotone", s, p);
        if (s.colors() < MIN_COLOR_FRACTION) return new Verdict(null, "flat-colors", s, p);
        if (kind == Kind.CUTOUT && s.flat() > MAX_CUTOUT_FLAT) return new Verdict(null, "drawing", s, p);
        if (kind != Kind.CUTOUT && p.alpha()) keep = opaque(p);
        return new Verdict(kind, null, s, keep);
    }

    /** The smallest rectangle holding every pixel with alpha &gt; 0, or null when there is none. */
    static RgbRaster cropToVisible(RgbRaster p) {
        int w = p.width(), h = p.height();
        int[] px = p.argb();
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((px[y * w + x] >>> 24) != 0) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    if (y > y1) y1 = y;
                }
            }
        }
        if (x1 < 0) return null;
        if (x0 == 0 && y0 == 0 && x1 == w - 1 && y1 == h - 1) return p;
        int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
        int[] out = new int[cw * ch];
        for (int y = 0; y < ch; y++) System.arraycopy(px, (y0 + y) * w + x0, out, y * cw, cw);
        return new RgbRaster(cw, ch, out, true);
    }

    /** Drops an all-but-opaque alpha channel (a few transparent pixels are composited on white). */
    static RgbRaster opaque(RgbRaster p) {
        int[] px = p.argb();
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            int a = c >>> 24;
            if (a == 255) {
                out[i] = c;
            } else {
                int r = ((c >> 16) & 0xff) * a / 255 + (255 - a);
                int g = ((c >> 8) & 0xff) * a / 255 + (255 - a);
                int b = (c & 0xff) * a / 255 + (255 - a);
                out[i] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        return new RgbRaster(p.width(), p.height(), out, false);
    }
}
