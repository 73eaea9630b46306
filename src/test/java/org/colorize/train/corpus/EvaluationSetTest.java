package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSetTest {
    private final RgbRaster astronaut = Synth.photo(512, 512, 100);
    private final EvaluationSet eval = new EvaluationSet(List.of(
            new EvaluationSet.EvalImage("astronaut", PixelDigest.of(astronaut), PerceptualHash.of(astronaut))));

    @Test
    void excludesByNameWhateverTheContent() {
        RgbRaster unrelated = Synth.photo(400, 300, 5);
        String why = eval.match("usr/share/x/Coffee.JPG", PixelDigest.of(unrelated), PerceptualHash.of(unrelated));
        assertEquals("eval-name:coffee", why);
        assertEquals("eval-name:grace_hopper",
                eval.match("a.rcc!img/grace_hopper.webp", PixelDigest.of(unrelated), PerceptualHash.of(unrelated)));
    }

    @Test
    void excludesAnIdenticalPictureUnderAnotherName() {
        assertEquals("eval-pixels:astronaut", eval.match("usr/share/wallpapers/space.png", PixelDigest.of(astronaut),
                PerceptualHash.of(astronaut)));
    }

    @Test
    void excludesARescaledOrEditedCopyByPerceptualHash() {
        RgbRaster copy = Synth.edited(AreaDownscaler.resize(astronaut, 300, 300), -10, 3);
        String why = eval.match("usr/share/backgrounds/nasa.jpg", PixelDigest.of(copy), PerceptualHash.of(copy));
        assertTrue(why != null && why.startsWith("eval-phash:astronaut"), String.valueOf(why));
    }

    @Test
    void keepsUnrelatedPictures() {
        for (long seed = 1; seed <= 20; seed++) {
            RgbRaster p = Synth.photo(640, 480, seed);
            assertNull(eval.match("usr/share/backgrounds/photo" + seed + ".jpg", PixelDigest.of(p), PerceptualHash.of(p)), "seed " + seed);
        }
    }
}
