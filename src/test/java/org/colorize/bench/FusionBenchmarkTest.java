package org.colorize.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FusionBenchmarkTest {
    @Test
    void printsEveryGraphAsAMultipleOfThePlainNet() {
        var buf = new ByteArrayOutputStream();
        int rc = FusionBenchmark.run(new String[] {"--width", "0.0625", "--size", "16", "--repeats", "1"},
                new PrintStream(buf, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, rc);
        String text = buf.toString(StandardCharsets.UTF_8);
        for (String row : new String[] {"full-image net 16²", "instance net alone 8²", "published weight nets, k = 8", "lean weight nets, k = 1"}) {
            assertTrue(text.contains(row), row + " missing in\n" + text);
        }
        String lean8 = text.lines().filter(l -> l.startsWith("lean weight nets, k = 8")).findFirst().orElseThrow();
        double ratio = Double.parseDouble(lean8.trim().split("\\s+")[lean8.trim().split("\\s+").length - 1]);
        assertTrue(ratio > 1, "the fused graph does more than the plain net: " + lean8);
    }

    @Test
    void refusesASizeCropsCannotHalve() {
        var err = new ByteArrayOutputStream();
        assertEquals(2, FusionBenchmark.run(new String[] {"--size", "24"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("multiple of 16"));
    }
}
