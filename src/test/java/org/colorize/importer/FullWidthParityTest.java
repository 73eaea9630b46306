package org.colorize.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity of {@link ImportParityTest} at the published width, on fixtures too large to commit:
 * {@code scripts/make-import-fixtures --width 1 --size 64 --out DIR}, then
 * {@code mvn -o test -Dtest=FullWidthParityTest -Dcolorize.import.fixtures=DIR}. Skipped without the property.
 */
class FullWidthParityTest {
    @TempDir
    Path tmp;

    @Test
    void everyArchitectureAndFormatAtFullWidth() throws Exception {
        String dir = System.getProperty("colorize.import.fixtures");
        assumeTrue(dir != null && !dir.isBlank(), "set -Dcolorize.import.fixtures=DIR to run");
        Path fixtures = Paths.get(dir);
        StringBuilder report = new StringBuilder();
        for (ImportArchitecture arch : ImportArchitecture.values()) {
            for (String format : new String[] {"zip", "legacy"}) {
                Path out = tmp.resolve(arch.key() + "-" + format);
                long t0 = System.nanoTime();
                CheckpointImporter.importCheckpoint(fixtures.resolve(arch.key() + "-" + format + ".pth"), arch, out, m -> {});
                double seconds = (System.nanoTime() - t0) / 1e9;
                float[] l = floats(fixtures.resolve(arch.key() + "-input.f32"));
                int size = (int) Math.round(Math.sqrt(l.length));
                float[] got = ExportCheck.ab(out, l, size, size);
                float[] expected = floats(fixtures.resolve(arch.key() + "-expected.f32"));
                double scale = arch.key().startsWith("instcolor") ? 110 : 1;
                double diff = 0;
                double max = 0;
                for (int i = 0; i < got.length; i++) {
                    diff = Math.max(diff, Math.abs(got[i] / scale - expected[i]));
                    max = Math.max(max, Math.abs(expected[i]));
                }
                String line = String.format(Locale.ROOT, "full width %-19s %-6s import %.1f s, max |diff| %.3g %s (max |output| %.3g)%n",
                        arch.key(), format, seconds, diff, scale == 1 ? "ab" : "ab/110", max);
                System.out.print(line);
                report.append(line);
                assertTrue(diff <= 1e-3 * Math.max(1, max), line);
            }
        }
        Files.writeString(Paths.get(System.getProperty("java.io.tmpdir"), "colorize-full-width-parity.txt"), report);
    }

    private static float[] floats(Path f) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
