package org.colorize.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URISyntaxException;

/** The files {@code scripts/make-import-fixtures} wrote into the test resources. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            var url = Fixtures.class.getResource(name);
            if (url == null) throw new IllegalStateException("test resource " + name + " missing: run scripts/make-import-fixtures");
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = Files.newInputStream(path(name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A little-endian float32 array file. */
    static float[] floats(String name) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path(name))).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
