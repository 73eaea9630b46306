package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;
import org.colorize.io.ImageDecoder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {
    private final RgbRaster photo = Synth.photo(640, 480, 1);

    @Test
    void rescaledRecompressedAndEditedCopiesAreNearDuplicates() throws IOException {
        long h = PerceptualHash.of(photo);
        RgbRaster half = AreaDownscaler.resize(photo, 320, 240);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(Synth.toImage(half), "jpg", jpeg);
        RgbRaster recompressed = ImageDecoder.read(jpeg.toByteArray(), "copy.jpg").raster();
        RgbRaster brighter = Synth.edited(photo, 12, 7);
        for (RgbRaster copy : new RgbRaster[] {half, recompressed, brighter}) {
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
        RgbRaster mirrored = photo.rotate(180);
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
        ImageIO.write(Synth.toImage(photo), "png", png);
        assertEquals(d, PixelDigest.of(ImageDecoder.read(png.toByteArray(), "x.png").raster()), "lossless copy, same digest");
        int[] changed = photo.argb().clone();
        changed[12345] ^= 1;
        assertNotEquals(d, PixelDigest.of(new RgbRaster(640, 480, changed, false)));
    }
}
