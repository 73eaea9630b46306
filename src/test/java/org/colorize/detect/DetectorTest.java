package org.colorize.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converted detector (models/coco-centernet, committed) on gray versions (CIE L* replicated into
 * R, G, B) of scikit-image's astronaut (public domain, bundled) and motorcycle_left (Middlebury 2014,
 * no license stated: fetched by {@code scripts/fetch-detector test-images}, which CI runs).
 */
class DetectorTest {
    static final Path MODEL = Path.of("models", "coco-centernet");
    static final Path IMAGES = Path.of(System.getProperty("colorize.testImages", "work/test-images"));

    private static Detector detector;

    @BeforeAll
    static void load() throws Exception {
        detector = Detector.load(MODEL);
    }

    @AfterAll
    static void close() {
        if (detector != null) detector.close();
    }

    @Test
    void findsTheAstronaut() throws Exception {
        GrayPlane astronaut = GrayImages.resource("astronaut_gray_L.png");
        List<Box> boxes = detector.detect(astronaut, DetectorOptions.defaults(), false).boxes();
        System.out.println("astronaut (gray L): " + boxes);
        Box person = top(boxes, "person");
        // Eileen Collins fills the left two thirds of the 512² frame, from her hair to the bottom edge.
        assertTrue(person.iou(new Box(20, 15, 380, 512, 1, 0, "person")) > 0.7, "person box " + person);
        assertEquals(1, boxes.stream().filter(b -> b.classId() == 0).count(), "near-copies of her box are suppressed");
    }

    @Test
    void findsTheMotorcycle() throws Exception {
        Path png = IMAGES.resolve("motorcycle_left.png");
        if (!Files.isRegularFile(png)) {
            if (System.getenv("CI") != null) fail(png + " is missing: .ci/run must run scripts/fetch-detector test-images");
            Assumptions.assumeTrue(false, png + " is missing; run scripts/fetch-detector test-images");
        }
        GrayPlane motorcycle = GrayImages.file(png);
        assertEquals(741, motorcycle.width());
        List<Box> boxes = detector.detect(motorcycle, DetectorOptions.defaults(), false).boxes();
        System.out.println("motorcycle_left (gray L): " + boxes);
        Box bike = top(boxes, "motorcycle");
        // The motorcycle, from the rear light to the front tyre, in image pixels of the 741×500 photo.
        assertTrue(bike.iou(new Box(90, 80, 685, 450, 1, 3, "motorcycle")) > 0.6, "motorcycle box " + bike);
    }

    @Test
    void classFilterAndMaxBoxes() throws Exception {
        GrayPlane astronaut = GrayImages.resource("astronaut_gray_L.png");
        List<Box> people = detector.detect(astronaut, DetectorOptions.defaults().withMinScore(0.05f)
                .withClasses(Set.of(0)), false).boxes();
        assertFalse(people.isEmpty());
        assertTrue(people.stream().allMatch(b -> b.classId() == 0 && b.label().equals("person")));
        List<Box> two = detector.detect(astronaut, DetectorOptions.defaults().withMinScore(0f).withMaxBoxes(2), false).boxes();
        assertEquals(2, two.size());
        assertTrue(two.get(0).score() >= two.get(1).score());
    }

    @Test
    void featureTapsHaveTheirShapes() throws Exception {
        GrayPlane small = GrayImages.resource("astronaut_gray_L.png");
        Detection d = detector.detect(small, DetectorOptions.defaults(), true);
        assertEquals(List.of("heatmap", "features_s4", "features_s8", "features_s16", "features_s32"),
                List.copyOf(d.features().keySet()));
        assertEquals(List.of(4, 8, 16, 32), detector.card().taps().stream().map(DetectorCard.Tensor::stride).toList());
        FeatureMap s4 = d.features().get("features_s4");
        assertEquals(List.of(1L, 128L, 128L, 72L), java.util.Arrays.stream(s4.shape()).boxed().toList());
        assertEquals(List.of(1L, 16L, 16L, 120L),
                java.util.Arrays.stream(d.features().get("features_s32").shape()).boxed().toList());
        assertEquals(80, d.features().get("heatmap").channels());
    }

    /** The best box overall, which must be of class {@code label} and pass the default score threshold. */
    static Box top(List<Box> boxes, String label) {
        assertFalse(boxes.isEmpty(), "no box at score ≥ " + DetectorOptions.DEFAULT_MIN_SCORE);
        Box best = boxes.get(0);
        assertEquals(label, best.label(), "best box " + best + " among " + boxes);
        assertTrue(best.score() >= DetectorOptions.DEFAULT_MIN_SCORE);
        return best;
    }
}
