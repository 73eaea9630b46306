package org.colorize.train.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {
    private final Pixels photo = Synth.photo(640, 480, 1);

    @Test
    void rescaledRecompressedAndEditedCopiesAreNearDuplicates() throws IOException {
        long h = PerceptualHash.of(photo);
        Pixels half = AreaDownscaler.resize(photo, 320, 240);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(half.toImage(), "jpg", jpeg);
        Pixels recompressed = ImageDecoder.decode(jpeg.toByteArray(), "copy.jpg");
        Pixels brighter = Synth.edited(photo, 12, 7);
        for (Pixels copy : new Pixels[] {half, recompressed, brighter}) {
            int d = PerceptualHash.distance(h, PerceptualHash.of(copy));
            assertTrue(d <= PerceptualHash.NEAR_DUPLICATE_BITS, "copy " + copy.width() + "x" + copy.height() + " at " + d + " bits");
        }
    }

    @Test
    void differentPicturesAreFarApart() {
        long h = PerceptualHash.of(photo);
        for (long seed = 2; seed < 12; seed++) {
            int d = PerceptualHash.distance(h, PerceptualHash.of(Synth.photo(640, 480, seed)));
            assertTrue(d > 2 * PerceptualHash.NEAR_DUPLICATE_BITS, "seed " + seed + " only " + d + " bits away");
        }
        Pixels mirrored = photo.rotate(180);
        assertTrue(PerceptualHash.distance(h, PerceptualHash.of(mirrored)) > 2 * PerceptualHash.NEAR_DUPLICATE_BITS);
    }

    @Test
    void hashUsesAllSixtyFourBitsAndRoundTripsAsHex() {
        long h = PerceptualHash.of(photo);
        assertNotEquals(0L, h);
        assertEquals(h, PerceptualHash.parseHex(PerceptualHash.hex(h)));
        assertEquals(16, PerceptualHash.hex(h).length());
        assertEquals(64, PerceptualHash.distance(0L, -1L));
    }

    @Test
    void pixelDigestSeesEveryPixelButNotTheFileFormat() throws IOException {
        String d = PixelDigest.of(photo);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(photo.toImage(), "png", png);
        assertEquals(d, PixelDigest.of(ImageDecoder.decode(png.toByteArray(), "x.png")), "lossless copy, same digest");
        int[] changed = photo.argb().clone();
        changed[12345] ^= 1;
        assertNotEquals(d, PixelDigest.of(new Pixels(640, 480, changed, false)));
    }
}
