package org.colorize.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PyTorch stores entries uncompressed; a checkpoint re-zipped with deflate (by a zip tool) still reads. */
class DeflatedArchiveTest {
    @Test
    void deflatedEntriesAreRead(@TempDir Path tmp) throws IOException, CheckpointException {
        Path f = tmp.resolve("rezipped.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("rezipped/data.pkl"));
            zip.write(PickleBytes.stateDict("w", 3, 3, false).bytes());
            zip.putNextEntry(new ZipEntry("rezipped/data/0"));
            zip.write(PickleBytes.floatsLe(1f, 2f, 3f));
            zip.closeEntry();
        }
        try (StateDict sd = PthReader.read(f)) {
            assertArrayEquals(new float[] {1f, 2f, 3f}, sd.get("w").orElseThrow().floats());
        }
    }
}
