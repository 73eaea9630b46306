package org.colorize.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.colorize.ColorizeException;
import org.junit.jupiter.api.Test;

/** The box sources besides the detector: CSV and particle analysis. */
class BoxSourcesTest {
    private static GrayPlane blank(int w, int h, float v) {
        float[] p = new float[w * h];
        java.util.Arrays.fill(p, v);
        return GrayPlane.ofGray255(w, h, p);
    }

    @Test
    void csvWithHeaderLabelsScoresAndComments() throws Exception {
        CsvBoxes csv = CsvBoxes.parse(List.of("x1,y1,x2,y2,label,score", "# a comment", "", "10, 20, 30, 40, face, 0.9",
                "5;6;7;8", "90\t0\t200\t50\tcut"), "test");
        assertEquals(3, csv.all().size());
        Box face = csv.all().get(0);
        assertEquals("face", face.label());
        assertEquals(0.9f, face.score());
        assertEquals(20, face.height());
        List<Box> clipped = csv.boxes(blank(100, 100, 0));
        assertEquals(3, clipped.size());
        assertEquals(100, clipped.get(2).x2(), "clipped to the image");
        assertTrue(csv.boxes(blank(80, 100, 0)).size() == 2, "a box wholly outside the image is dropped");
    }

    @Test
    void csvErrorsNameTheLine() {
        ColorizeException e = assertThrows(ColorizeException.class, () -> CsvBoxes.parse(List.of("1,2,3,4", "1,2,x,4"), "f.csv"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(ColorizeException.class, () -> CsvBoxes.parse(List.of("5,5,1,9"), "f.csv"));
        assertTrue(e.getMessage().contains("x2 must exceed x1"), e.getMessage());
        assertThrows(ColorizeException.class, () -> CsvBoxes.parse(List.of("1,2,3"), "f.csv"));
    }

    @Test
    void particlesAreEightConnectedComponentsWithSizeLimits() {
        int w = 60;
        int h = 40;
        float[] p = new float[w * h];
        java.util.Arrays.fill(p, 20);
        fill(p, w, 5, 5, 15, 12, 200); // 10 × 7 = 70 px
        fill(p, w, 15, 12, 20, 20, 200); // touches the first one diagonally at (15, 12): one 8-connected particle
        fill(p, w, 40, 5, 44, 9, 200); // 16 px: below minArea
        fill(p, w, 30, 25, 55, 38, 200); // 325 px
        List<Box> boxes = new ParticleBoxes(100, true, 20, 10_000, 8).boxes(GrayPlane.ofGray255(w, h, p));
        assertEquals(2, boxes.size(), boxes.toString());
        assertEquals(new Box(30, 25, 55, 38, 1f, Box.NO_CLASS, "particle"), boxes.get(0), "largest first");
        assertEquals(new Box(5, 5, 20, 20, 1f, Box.NO_CLASS, "particle"), boxes.get(1), "diagonal neighbours join");
        assertEquals(1, new ParticleBoxes(100, true, 20, 200, 8).boxes(GrayPlane.ofGray255(w, h, p)).size(), "maxArea drops the big one");
        assertEquals(1, new ParticleBoxes(100, true, 20, 10_000, 1).boxes(GrayPlane.ofGray255(w, h, p)).size(), "maxBoxes");
        // dark particles on a bright background, Otsu's threshold
        for (int i = 0; i < p.length; i++) p[i] = 220 - p[i];
        assertEquals(2, new ParticleBoxes(Double.NaN, false, 20, 10_000, 8).boxes(GrayPlane.ofGray255(w, h, p)).size());
    }

    @Test
    void particlesOfAnImgLib2Plane() {
        var img = net.imglib2.img.array.ArrayImgs.unsignedBytes(30, 20);
        var ra = img.randomAccess();
        for (int y = 4; y < 9; y++) {
            for (int x = 10; x < 22; x++) {
                ra.setPosition(new long[] {x, y});
                ra.get().set(250);
            }
        }
        assertEquals(List.of(new Box(10, 4, 22, 9, 1f, Box.NO_CLASS, "particle")), new ParticleBoxes(128, true, 10, 1000, 8).boxes(img));
    }

    @Test
    void otsuSplitsTwoLevels() {
        float[] p = new float[100];
        for (int i = 0; i < 100; i++) p[i] = i < 70 ? 30 : 180;
        double t = ParticleBoxes.otsu(GrayPlane.ofGray255(10, 10, p));
        assertTrue(t > 30 && t < 180, "threshold " + t);
    }

    private static void fill(float[] p, int w, int x1, int y1, int x2, int y2, float v) {
        for (int y = y1; y < y2; y++) for (int x = x1; x < x2; x++) p[y * w + x] = v;
    }
}
