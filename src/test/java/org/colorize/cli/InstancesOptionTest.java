package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.colorize.ColorizeException;
import org.colorize.pipeline.BoxChoice;
import org.junit.jupiter.api.Test;

/** {@code --instances}, its older spelling {@code --boxes}, {@code --score}, {@code --max-instances} and {@code --overlay} as parsed. */
class InstancesOptionTest {
    private static InstancesOption parse(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "in.png";
        args[1] = "-o";
        args[2] = "out";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliArguments.parse(args).instances();
    }

    @Test
    void everyFormOfTheIssueAndTheOlderSpellingIsRead() {
        for (String v : new String[] {"auto", "rois=RoiSet.zip", "particles", "boxes=boxes.csv", "none"}) {
            InstancesOption o = parse("--instances", v);
            assertEquals(v, o.source());
            assertEquals("--instances", o.flag());
        }
        InstancesOption old = parse("--boxes", "csv:boxes.csv");
        assertEquals("csv:boxes.csv", old.source());
        assertEquals("--boxes", old.flag(), "messages name the option as it was given");
        InstancesOption none = parse();
        assertEquals(null, none.source(), "the default: the detector");
        assertEquals(OptionalDouble.empty(), none.score());
        assertEquals(OptionalInt.empty(), none.max());
        assertFalse(none.overlay());
        InstancesOption all = parse("--instances=auto", "--score", "0.5", "--max-instances", "3", "--overlay");
        assertEquals(OptionalDouble.of(0.5), all.score());
        assertEquals(OptionalInt.of(3), all.max());
        assertTrue(all.overlay());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--instances", "none", "--boxes", "none")).getMessage()
                .contains("not both"));
        for (String s : new String[] {"1.5", "-0.1", "high", "NaN"}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--score", s)).getMessage()
                    .startsWith("--score must be a number from 0 to 1"), s);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--max-instances", "0")).getMessage()
                .startsWith("--max-instances must be at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--max-instances", "many")).getMessage()
                .startsWith("--max-instances must be a whole number"));
        CliRunner cli = new CliRunner();
        assertEquals(2, cli.run("in.png", "-o", "out", "--score", "2"));
        assertTrue(cli.err().contains("--score must be") && cli.err().contains("usage:"), cli.err());
    }

    @Test
    void boxChoiceTakesBothSpellingsAndReadsRoiFilesOnlyWhereAsked() {
        for (String v : new String[] {"auto", "detector", "particles", "none", "boxes=b.csv", "csv:b.csv", "csv:hdfs://n/b.csv"}) {
            assertDoesNotThrow(() -> BoxChoice.check(v, "--instances"), v);
        }
        // The Spark job's check: it has no ImageJ to read ROI files with.
        assertTrue(assertThrows(ColorizeException.class, () -> BoxChoice.check("rois=RoiSet.zip", "--instances")).getMessage()
                .contains("boxes=FILE"));
        for (String v : new String[] {"magic", "boxes=", "csv:", "rois"}) {
            assertTrue(assertThrows(ColorizeException.class, () -> BoxChoice.check(v, "--instances")).getMessage()
                    .startsWith("--instances must be one of " + BoxChoice.VALUES), v);
        }
        assertTrue(BoxChoice.usesDetector(null) && BoxChoice.usesDetector("auto") && BoxChoice.usesDetector("detector"));
        assertFalse(BoxChoice.usesDetector("particles"));
        assertThrows(IllegalArgumentException.class, () -> new BoxChoice.Limits(OptionalDouble.of(1.2), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new BoxChoice.Limits(OptionalDouble.empty(), OptionalInt.of(0)));
    }

    @Test
    void helpNamesTheOptions() {
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("--help"));
        for (String s : new String[] {"--instances " + BoxChoice.WITH_ROIS, "--score S", "--max-instances N", "--overlay",
                "_instances.tif", "--boxes is its older spelling"}) {
            assertTrue(cli.out().contains(s), s + " in\n" + cli.out());
        }
    }
}
