package org.colorize.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.colorize.detect.Box;
import org.junit.jupiter.api.Test;

/** Box matching: same class, IoU ≥ 0.5, one to one; class sets by Jaccard. */
class DetectorAgreementTest {
    private static Box box(double x, double y, double w, double h, double score, int cls) {
        return new Box(x, y, x + w, y + h, (float) score, cls, "c" + cls);
    }

    @Test
    void matchesNeedClassAndOverlap() {
        List<Box> truth = List.of(box(0, 0, 100, 100, 0.9, 1), box(200, 0, 50, 50, 0.5, 2), box(400, 0, 50, 50, 0.4, 3));
        List<Box> pred = List.of(
                box(10, 10, 100, 100, 0.8, 1),   // IoU 0.68 with the first: a match
                box(200, 0, 50, 50, 0.7, 5),     // right place, wrong class
                box(420, 0, 50, 50, 0.6, 3),     // right class, IoU 0.43: too little
                box(12, 12, 100, 100, 0.5, 1));  // a second copy of the first: matched at most once
        assertEquals(1, DetectorAgreement.matches(truth, pred));
        assertEquals(3, DetectorAgreement.matches(truth, truth), "the truth agrees with itself");
        assertEquals(0, DetectorAgreement.matches(truth, List.of()));
    }

    @Test
    void classSets() {
        List<Box> truth = List.of(box(0, 0, 1, 1, 1, 1), box(0, 0, 1, 1, 1, 2));
        assertEquals(0.5, DetectorAgreement.classJaccard(truth, List.of(box(5, 5, 1, 1, 1, 2), box(0, 0, 2, 2, 1, 2))), 1e-12);
        assertEquals(1, DetectorAgreement.classJaccard(List.of(), List.of()), 1e-12, "no object in either");
        assertEquals(0, DetectorAgreement.classJaccard(truth, List.of()), 1e-12);
    }
}
