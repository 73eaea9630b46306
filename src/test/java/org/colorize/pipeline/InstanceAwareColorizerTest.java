package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.colorize.color.Lab;
import org.colorize.detect.Box;
import org.colorize.detect.BoxSource;
import org.colorize.image.SourceImage;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelRegistry;
import org.colorize.train.TinyInstanceModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The instance-aware colorizer on a tiny exported model: boxes change colors inside them, no boxes give the full-image result. */
class InstanceAwareColorizerTest {
    private static final int W = 120;
    private static final int H = 96;
    private static ModelRegistry registry;

    @BeforeAll
    static void models() {
        registry = new ModelRegistry(List.of(TinyInstanceModels.root()));
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static ColorizeOptions options() {
        return ColorizeOptions.defaults().withModel(TinyInstanceModels.NAME);
    }

    private static int[] colorize(BoxSource boxes, List<String> warnings) throws Exception {
        InstanceAwareColorizer c = ((InstanceAwareColorizer) Colorizers.forModel(registry, TinyInstanceModels.NAME)).withBoxes(boxes, 8);
        ColorizeResult r = c.colorize(SourceImage.of(SyntheticImgs.halves(W, H, 1), "halves"), options(), ColorizeContext.defaults());
        warnings.addAll(r.warnings());
        return CoreColorizationTest.argb(r.first().image(), 0);
    }

    @Test
    void theCardNamesItsComponentsAndTheRegistryFindsTheFactory() throws Exception {
        ModelCard card = registry.card(TinyInstanceModels.NAME);
        assertEquals(InstanceAwareColorizer.KIND, card.kind());
        assertTrue(card.component("full-image").isPresent() && card.component("instance").isPresent()
                && card.component("fusion").isPresent(), card.components().toString());
        assertEquals("coco-centernet", card.json().getAsJsonObject("detector").get("model").getAsString());
        assertTrue(Colorizers.kinds().contains(InstanceAwareColorizer.KIND));
        assertTrue(Colorizers.forModel(registry, TinyInstanceModels.NAME) instanceof InstanceAwareColorizer);
    }

    @Test
    void withoutBoxesItIsTheFullImageResultAndSaysSo() throws Exception {
        List<String> w1 = new java.util.ArrayList<>();
        List<String> w2 = new java.util.ArrayList<>();
        int[] none = colorize(null, w1);
        int[] empty = colorize(image -> List.of(), w2);
        assertArrayEquals(none, empty);
        assertTrue(w2.stream().anyMatch(s -> s.contains("No boxes found")), w2.toString());
    }

    @Test
    void boxesFromAFileOrRoisGiveWhatAPixelReadingSourceGives() throws Exception {
        // fixed boxes skip building the image's plane; the crops read the rows they need either way
        Box a = new Box(6, 6, 40, 40, 1f, Box.NO_CLASS, "a");
        Box b = new Box(100, 70, 130, 100, 0.8f, Box.NO_CLASS, "b"); // past the image's corner: clipped
        int[] fixed = colorize(org.colorize.detect.FixedBoxes.of(List.of(a, b), "two boxes"), new java.util.ArrayList<>());
        int[] read = colorize(image -> List.of(a, b), new java.util.ArrayList<>());
        assertArrayEquals(read, fixed);
    }

    @Test
    void boxesChangeColorsInsideThemAndHardlyOutside() throws Exception {
        // two overlapping boxes in the upper left; "outside" is the far half of the image (the tiny
        // model's 4 × 4 map at stride 8 lets deep features reach everywhere, so near pixels do change)
        Box a = new Box(6, 6, 40, 40, 1f, Box.NO_CLASS, "a");
        Box b = new Box(24, 20, 56, 50, 0.8f, Box.NO_CLASS, "b");
        int[] with = colorize(image -> List.of(a, b), new java.util.ArrayList<>());
        int[] without = colorize(null, new java.util.ArrayList<>());
        double[] lab1 = new double[3];
        double[] lab2 = new double[3];
        double inside = 0, outside = 0;
        int nIn = 0, nOut = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                lab(with[y * W + x], lab1);
                lab(without[y * W + x], lab2);
                double d = Math.hypot(lab1[1] - lab2[1], lab1[2] - lab2[2]);
                boolean in = contains(a, x, y) || contains(b, x, y);
                boolean far = !contains(grow(a, 30), x, y) && !contains(grow(b, 30), x, y);
                if (in) {
                    inside += d;
                    nIn++;
                } else if (far) {
                    outside += d;
                    nOut++;
                }
            }
        }
        inside /= nIn;
        outside /= nOut;
        assertTrue(inside > 0.5, "boxes change the colors inside them: mean Δab " + inside);
        assertTrue(outside < inside / 3, "and hardly outside (beyond the receptive field's reach): " + outside + " vs " + inside);
    }

    private static Box grow(Box b, double m) {
        return new Box(b.x1() - m, b.y1() - m, b.x2() + m, b.y2() + m, b.score(), b.classId(), b.label());
    }

    private static boolean contains(Box b, int x, int y) {
        return x + 0.5 >= b.x1() && x + 0.5 < b.x2() && y + 0.5 >= b.y1() && y + 0.5 < b.y2();
    }

    private static void lab(int c, double[] out) {
        Lab.fromSrgb(((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0, out);
    }
}
