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
 * {@code scripts/make-import-fixtures --width 1 --size 64 --out DIR} (with the InstColorization fusion
 * fixture when instcolor-full and instcolor-instance are made), then
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
            if (arch.needsCompanions() || !Files.exists(fixtures.resolve(arch.key() + "-zip.pth"))) continue;
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
        if (Files.exists(fixtures.resolve("instcolor-fusion-zip.pth"))) instColorization(fixtures, report);
        assertTrue(report.length() > 0, "no full-width fixtures in " + fixtures);
        Files.writeString(Paths.get(System.getProperty("java.io.tmpdir"), "colorize-full-width-parity.txt"), report);
    }

    /** GComp + G + GF as one instance-aware model; the fused SavedModel against the reference fusion generator. */
    private void instColorization(Path fixtures, StringBuilder report) throws Exception {
        var info = com.google.gson.JsonParser.parseString(Files.readString(fixtures.resolve("instcolor-fusion.json"))).getAsJsonObject();
        int size = info.get("size").getAsInt();
        int crop = info.get("crop_size").getAsInt();
        java.util.List<org.colorize.nn.FusionGeometry.NetBox> boxes = new java.util.ArrayList<>();
        for (var b : info.getAsJsonArray("boxes")) {
            var a = b.getAsJsonArray();
            boxes.add(new org.colorize.nn.FusionGeometry.NetBox(a.get(0).getAsDouble(), a.get(1).getAsDouble(), a.get(2).getAsDouble(),
                    a.get(3).getAsDouble()));
        }
        for (String format : new String[] {"zip", "legacy"}) {
            Path out = tmp.resolve("instcolor-" + format);
            var files = new InstColorizationImporter.Files(fixtures.resolve("instcolor-full-" + format + ".pth"),
                    fixtures.resolve("instcolor-instance-" + format + ".pth"), fixtures.resolve("instcolor-fusion-" + format + ".pth"));
            long t0 = System.nanoTime();
            InstColorizationImporter.importModel(files, out, size, crop, m -> {});
            double seconds = (System.nanoTime() - t0) / 1e9;
            float[] l = floats(fixtures.resolve("instcolor-full-input.f32"));
            float[] got = ExportCheck.ab(out.resolve("fusion"), org.colorize.pipeline.InstanceAwareColorizer.fusedInputs(l, size,
                    floats(fixtures.resolve("instcolor-fusion-crops.f32")), crop, boxes));
            float[] expected = floats(fixtures.resolve("instcolor-fusion-expected.f32"));
            double diff = 0;
            double max = 0;
            for (int i = 0; i < got.length; i++) {
                diff = Math.max(diff, Math.abs(got[i] / 110 - expected[i]));
                max = Math.max(max, Math.abs(expected[i]));
            }
            String line = String.format(Locale.ROOT, "full width %-19s %-6s import %.1f s (3 files, %d boxes), fused max |diff| %.3g ab/110"
                    + " (max |output| %.3g)%n", "instcolor", format, seconds, boxes.size(), diff, max);
            System.out.print(line);
            report.append(line);
            assertTrue(diff <= 1e-3 * Math.max(1, max), line);
        }
    }

    private static float[] floats(Path f) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
