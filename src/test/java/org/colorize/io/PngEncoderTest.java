package org.colorize.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/** PngEncoder's files read back through ImageIO with the same pixels and the text entries. */
class PngEncoderTest {
    static byte[] encode(int[] argb, int w, int h, Map<String, String> text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.writeRgb(argb, w, h, text, out);
        return out.toByteArray();
    }

    static int[] decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void noiseAndGradientsComeBackPixelForPixel() throws Exception {
        Random random = new Random(3);
        for (int[] size : new int[][] {{1, 1}, {7, 3}, {300, 201}}) {
            int w = size[0];
            int h = size[1];
            int[] noise = new int[w * h];
            int[] smooth = new int[w * h];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = 0xff000000 | random.nextInt(1 << 24);
                int x = i % w;
                int y = i / w;
                smooth[i] = 0xff000000 | (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x + y) & 0xff);
            }
            assertArrayEquals(noise, decode(encode(noise, w, h, Map.of())), w + "x" + h + " noise");
            assertArrayEquals(smooth, decode(encode(smooth, w, h, Map.of())), w + "x" + h + " gradient");
        }
    }

    @Test
    void alphaIsDroppedAndTextEntriesAreTextChunks() throws Exception {
        int[] argb = {0x00112233, 0x80445566};
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Description", "AI-inferred color\nModel: x");
        text.put("Software", "Colorize ü");
        byte[] png = encode(argb, 2, 1, text);
        assertArrayEquals(new int[] {0xff112233, 0xff445566}, decode(png));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node root = metadata.getAsTree("javax_imageio_png_1.0");
            Map<String, String> found = new LinkedHashMap<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!n.getNodeName().equals("tEXt")) continue;
                for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                    found.put(e.getAttributes().getNamedItem("keyword").getNodeValue(), e.getAttributes().getNamedItem("value").getNodeValue());
                }
            }
            assertEquals(text, found);
        }
        assertTrue(new String(png, StandardCharsets.ISO_8859_1).contains("IEND"));
    }

    @Test
    void aPixelCountThatDoesNotMatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> encode(new int[5], 2, 2, Map.of()));
    }
}
