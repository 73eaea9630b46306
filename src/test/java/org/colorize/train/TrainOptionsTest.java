package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainOptionsTest {
    @Test
    void defaultsAndDerivedValues() {
        TrainOptions o = TrainOptions.defaults(Path.of("data"), Path.of("/x/models/m1"));
        assertEquals("m1", o.name());
        assertEquals(Path.of("/x/checkpoints/m1"), o.checkpointFolder());
        assertEquals(100, o.validationInterval());
        assertEquals(100, o.checkpointInterval());
        assertEquals(Head.REGRESSION, o.head());
        assertEquals(3e-4, o.lr());
        assertEquals(Set.of(), o.kinds());
        assertEquals(o.toMap(), TrainOptions.fromMap(o.toMap()).toMap(), "the options survive their own map");
        assertTrue(o.given().contains("data") && !o.given().contains("width"));
        assertEquals("0.25", o.toMap().get("width"));
        assertEquals("0.0003", o.toMap().get("lr"));
    }

    @Test
    void badValuesNameTheirKey() {
        for (String[] bad : new String[][] {{"size", "30"}, {"size", "abc"}, {"steps", "0"}, {"width", "3"},
                {"head", "softmax"}, {"lr", "-1"}, {"schedule", "linear"}, {"resume", "maybe"}, {"batch", "1.5"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TrainOptions.fromMap(Map.of("data", "d", "out", "models/m", bad[0], bad[1])));
            assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.fromMap(Map.of("out", "models/m")));
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.fromMap(Map.of("data", "d")));
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.fromMap(Map.of("data", "d", "out", "m", "colour", "1")));
    }
}
