package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The macro vocabulary of Colorize Instances...: what the recorder writes is read back. */
class InstanceOptionsTest {
    @Test
    void recordedOptionsAreReadBack() {
        InstanceOptions o = InstanceOptions.fromMap(MacroOptions.parse(
                "model=instance-aware boxes=particles score=0.5 max=3 threshold=auto minsize=20 maxsize=0 overlay classes=[person, dog]"), "x");
        assertEquals("particles", o.boxes());
        assertEquals(3, o.max());
        assertTrue(Double.isNaN(o.threshold()), "auto: Otsu");
        assertEquals(Long.MAX_VALUE, o.maxSize(), "the dialog's 0 means no limit");
        assertTrue(o.overlay());
        assertEquals(Set.of(0, 16), o.classes());
        assertEquals("x", InstanceOptions.fromMap(MacroOptions.parse("boxes=roi"), "x").model(), "the first instance-aware model by default");
    }

    @Test
    void badValuesNameTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstanceOptions.fromMap(MacroOptions.parse("boxes=magic"), "x"))
                .getMessage().startsWith("boxes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstanceOptions.fromMap(MacroOptions.parse("boxes=csv"), "x"))
                .getMessage().contains("file=PATH"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstanceOptions.fromMap(MacroOptions.parse("classes=unicorn"), "x"))
                .getMessage().startsWith("classes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InstanceOptions.fromMap(MacroOptions.parse("score=2"), "x"))
                .getMessage().startsWith("score"));
    }
}
