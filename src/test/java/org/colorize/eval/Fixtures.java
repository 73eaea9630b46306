package org.colorize.eval;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Loads the fixtures written by {@code make_fixtures.py} from the test class path. */
final class Fixtures {

    private static final String DIR = "/org/colorize/eval/";

    private Fixtures() {
    }

    /** An RGB fixture as packed ARGB pixels, like an ImageJ ColorProcessor holds them. */
    record Rgb(int width, int height, int[] argb) {
    }

    /** The a* and b* planes of a fixture. */
    record Ab(float[] a, float[] b) {
    }

    static JsonObject reference() {
        try (InputStream in = open("reference.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the raw samples from the raster (not getRGB, which would colour-manage) and packs
     * them with alpha 0xff.
     */
    static Rgb rgb(String name) {
        try (InputStream in = open(name + ".png")) {
            BufferedImage img = ImageIO.read(in);
            Raster r = img.getRaster();
            if (r.getNumBands() != 3 || r.getSampleModel().getSampleSize(0) != 8) {
                throw new IllegalStateException(name + ".png is not 8-bit RGB");
            }
            int w = img.getWidth();
            int h = img.getHeight();
            int[] px = new int[w * h];
            int[] s = new int[3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    r.getPixel(x, y, s);
                    px[y * w + x] = 0xff000000 | s[0] << 16 | s[1] << 8 | s[2];
                }
            }
            return new Rgb(w, h, px);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Ab ab(String name) {
        try (InputStream in = open(name + ".ab.f32")) {
            FloatBuffer fb = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            int n = fb.remaining() / 2;
            float[] a = new float[n];
            float[] b = new float[n];
            fb.get(a).get(b);
            return new Ab(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = Fixtures.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IOException("missing test fixture " + DIR + file + " (run make_fixtures.py)");
        }
        return in;
    }
}
