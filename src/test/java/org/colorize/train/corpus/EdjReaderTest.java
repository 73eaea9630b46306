package org.colorize.train.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JPEG streams are found inside an Eet-like container by their marker structure. */
class EdjReaderTest {

    /** A structurally valid JPEG: SOI, APP0 and DQT segments, SOS, entropy data with stuffed FF00 and a restart marker, EOI. */
    static byte[] jpeg(int entropyBytes, int seed) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDB, 0, 5, 0, 1, 2});
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 4, 1, 0});
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < entropyBytes; i++) {
            int v = r.nextInt(255); // never FF on its own
            b.write(v);
            if (i % 97 == 0) b.writeBytes(new byte[] {(byte) 0xFF, 0x00});
            if (i % 1000 == 500) b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD3});
        }
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return b.toByteArray();
    }

    @Test
    void findsEveryStreamAndPicksTheLargest() {
        byte[] small = jpeg(25_000, 1);
        byte[] large = jpeg(60_000, 2);
        byte[] thumb = jpeg(500, 3);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {0x1e, (byte) 0xe7, 0x0f, 0x42, 1, 2, 3, (byte) 0xFF, (byte) 0xD8, 9}); // header, a false SOI
        int at1 = file.size();
        file.writeBytes(small);
        file.writeBytes(new byte[] {7, 7, 7});
        file.writeBytes(thumb);
        int at2 = file.size();
        file.writeBytes(large);
        file.writeBytes(new byte[] {0, 0});
        byte[] bytes = file.toByteArray();

        List<EdjReader.Jpeg> found = EdjReader.jpegs(bytes);
        assertEquals(List.of(at1, at2), found.stream().map(EdjReader.Jpeg::offset).toList(), "the thumbnail is below the minimum");
        assertArrayEquals(small, found.get(0).data());
        assertArrayEquals(large, EdjReader.largest(bytes).data());
    }

    @Test
    void aTruncatedStreamIsNoImage() {
        byte[] cut = Arrays.copyOf(jpeg(30_000, 4), 20_500);
        assertEquals(-1, EdjReader.endOfImage(cut, 0));
        assertNull(EdjReader.largest(cut));
    }
}
