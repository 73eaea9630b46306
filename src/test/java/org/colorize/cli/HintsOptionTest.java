package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --hints FILE.csv and --reference IMAGE on the command line. */
class HintsOptionTest {

    @Test
    void parsedAndRead(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, "x,y,color\n12,34,#ff8000\n");
        CliArguments a = CliArguments.parse(new String[] {"in.png", "-o", "out", "--hints", csv.toString(), "--reference", "ref.png"});
        assertEquals(csv.toString(), a.hints());
        assertEquals("ref.png", a.reference());
        ColorHints h = HintsOption.read(csv.toString(), null);
        assertEquals(List.of(new ColorHints.Point(12, 34, 0xff8000)), h.points());
        assertNull(h.reference());
        assertTrue(HintsOption.read(null, null).isEmpty(), "no flags: no hints (the plain colorization)");
    }

    @Test
    void badFilesSayWhatIsWrong(@TempDir Path dir) throws Exception {
        ColorizeException missing = assertThrows(ColorizeException.class, () -> HintsOption.read(dir.resolve("no.csv").toString(), null));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n");
        ColorizeException header = assertThrows(ColorizeException.class, () -> HintsOption.read(bad.toString(), null));
        assertTrue(header.getMessage().contains("x,y,color"), header.getMessage());
        ColorizeException gray = assertThrows(ColorizeException.class,
                () -> HintsOption.read(null, Path.of("samples/nagasaki-boats.png").toString()));
        assertTrue(gray.getMessage().contains("is gray"), gray.getMessage());
    }
}
