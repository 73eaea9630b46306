package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhotoFilterTest {

    @Test
    void aColorPhotoIsAScene() {
        PhotoFilter.Verdict v = PhotoFilter.classify(Synth.photo(800, 600, 1), Kind.SCENE);
        assertTrue(v.accepted(), String.valueOf(v.reason()) + " " + v.stats());
        assertEquals(Kind.SCENE, v.kind());
    }

    @Test
    void tinyImagesAreRefused() {
        assertEquals("tiny", PhotoFilter.classify(Synth.photo(300, 127, 1), Kind.SCENE).reason());
        assertTrue(PhotoFilter.classify(Synth.photo(300, 128, 1), Kind.SCENE).accepted());
    }

    @Test
    void grayAndTintedMonochromeAreRefused() {
        RgbRaster photo = Synth.photo(400, 300, 2);
        assertEquals("gray", PhotoFilter.classify(Synth.gray(photo), Kind.SCENE).reason());
        // A toned print: the gray picture under one uniform tint, plenty of chroma but no spread of it.
        RgbRaster g = Synth.gray(photo);
        int[] toned = new int[g.argb().length];
        for (int i = 0; i < toned.length; i++) {
            int y = Math.min(215, Math.max(25, g.argb()[i] & 0xff));
            toned[i] = 0xff000000 | (y + 28) << 16 | (y + 6) << 8 | (y - 22);
        }
        PhotoFilter.Verdict v = PhotoFilter.classify(new RgbRaster(400, 300, toned, false), Kind.SCENE);
        assertEquals("monotone", v.reason(), "stats " + v.stats());
        assertTrue(v.stats().meanChroma() > PhotoFilter.MIN_MEAN_CHROMA, "sepia has chroma; only its spread is small");
    }

    @Test
    void flatColoredGraphicsAreRefused() {
        assertEquals("flat-colors", PhotoFilter.classify(Synth.flat(640, 480), Kind.SCENE).reason());
    }

    @Test
    void transparencyMakesACutoutCroppedToTheObject() {
        RgbRaster cut = Synth.cutout(600, 400, 3);
        PhotoFilter.Verdict v = PhotoFilter.classify(cut, Kind.SCENE);
        assertTrue(v.accepted(), v.reason() + " " + v.stats());
        assertEquals(Kind.CUTOUT, v.kind());
        assertTrue(v.pixels().alpha());
        assertTrue(v.pixels().width() < 600 && v.pixels().width() >= 318, "cropped to the disc: " + v.pixels().width());
        // A surface texture with holes is not a surface.
        assertEquals("transparent-surface", PhotoFilter.classify(cut, Kind.SURFACE).reason());
        // An opaque image found among cut-outs is a scene, and a fully opaque alpha channel is dropped.
        RgbRaster p = Synth.photo(300, 200, 4);
        RgbRaster opaqueWithAlpha = new RgbRaster(300, 200, p.argb().clone(), true);
        PhotoFilter.Verdict o = PhotoFilter.classify(opaqueWithAlpha, Kind.CUTOUT);
        assertEquals(Kind.SCENE, o.kind());
        assertFalse(o.pixels().alpha());
    }

    @Test
    void aSmallObjectOnALargeTransparentCanvasIsTiny() {
        RgbRaster small = Synth.cutout(200, 200, 5); // disc of diameter 160 < 2 * 128? crop is 161 px: fine
        assertTrue(PhotoFilter.classify(small, Kind.CUTOUT).accepted());
        int[] px = new int[800 * 800];
        for (int y = 0; y < 100; y++) System.arraycopy(Synth.photo(100, 100, 6).argb(), y * 100, px, (300 + y) * 800 + 300, 100);
        assertEquals("tiny", PhotoFilter.classify(new RgbRaster(800, 800, px, true), Kind.CUTOUT).reason());
    }

    @Test
    void cutoutsMadeOfFlatRunsAreDrawings() {
        // Many colors (so not "flat-colors"), but every pixel repeats its left neighbour twice:
        // the long runs of identical pixels of a drawing, which photographed objects do not have.
        int w = 400, h = 400;
        java.util.Random rnd = new java.util.Random(9);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x += 3) {
                int c = 0xff000000 | (64 + rnd.nextInt(160)) << 16 | (32 + rnd.nextInt(200)) << 8 | rnd.nextInt(256);
                for (int k = x; k < Math.min(w, x + 3); k++) px[y * w + k] = Math.hypot(k - 200, y - 200) > 160 ? 0 : c;
            }
        }
        PhotoFilter.Verdict v = PhotoFilter.classify(new RgbRaster(w, h, px, true), Kind.CUTOUT);
        assertEquals("drawing", v.reason(), "stats " + v.stats());
        // The same runs in an opaque scene are not refused: JPEG skies have runs too.
        int[] opaque = px.clone();
        for (int i = 0; i < opaque.length; i++) if (opaque[i] == 0) opaque[i] = 0xff4060a0 + (i % 31);
        assertTrue(PhotoFilter.classify(new RgbRaster(w, h, opaque, false), Kind.SCENE).accepted());
    }

    @Test
    void iconsAreRecognisedByPath() {
        assertEquals("icon", PhotoFilter.pathReason("usr/share/icons/hicolor/256x256/apps/x.png"));
        assertEquals("icon", PhotoFilter.pathReason("usr/share/pixmaps/x.png"));
        assertNull(PhotoFilter.pathReason("usr/share/backgrounds/silicon-valley.jpg"));
    }
}
