package org.colorize.train.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static Candidate candidate(String pkg, String path, int w, int h, String pixels, long phash) {
        return new Candidate(path + ".png", pkg, "1.0", path, "CC0-1.0", "path", Kind.SCENE, w, h, Math.min(w, 1024),
                Math.min(h, 1024), pixels, "f" + path, phash);
    }

    private static final Map<String, Integer> ORDER = Map.of("first", 0, "second", 1);

    @Test
    void keepsTheLargestOfNearDuplicatesWhicheverComesFirst() {
        long h = 0x0123_4567_89ab_cdefL;
        Candidate small = candidate("first", "thumb", 300, 200, "p1", h ^ 0b101);       // 2 bits away
        Candidate large = candidate("second", "wallpaper", 3000, 2000, "p2", h);
        Candidate medium = candidate("first", "medium", 1200, 800, "p3", h ^ 0xf000);   // 4 bits away
        Candidate other = candidate("first", "other", 800, 600, "p4", ~h);
        Deduplicator.Result r = Deduplicator.dedupe(List.of(small, large, medium, other), ORDER::get, 4);
        assertEquals(List.of(large, other), r.kept());
        assertEquals(2, r.dropped().size());
        for (Deduplicator.Dropped d : r.dropped()) {
            assertEquals(large, d.keptInstead());
            assertTrue(d.reason().startsWith("near-duplicate"), d.reason());
        }
    }

    @Test
    void exactDuplicatesByPixelDigestTieBreakOnPackageOrder() {
        Candidate a = candidate("second", "a", 640, 480, "same", 1L);
        Candidate b = candidate("first", "b", 640, 480, "same", 0xffff_0000_0000_0000L); // phash far, pixels equal
        Deduplicator.Result r = Deduplicator.dedupe(List.of(a, b), ORDER::get, 4);
        assertEquals(List.of(b), r.kept(), "the earlier package wins a tie");
        assertEquals("exact-duplicate", r.dropped().get(0).reason());
    }

    @Test
    void fiveBitsApartAreDifferentPictures() {
        long h = 42L;
        Candidate a = candidate("first", "a", 640, 480, "pa", h);
        Candidate b = candidate("first", "b", 640, 480, "pb", h ^ 0b11111);
        assertEquals(2, Deduplicator.dedupe(List.of(a, b), ORDER::get, 4).kept().size());
    }
}
