package org.colorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineArgsTest {
    private static CommandLineArgs.Spec spec() {
        return CommandLineArgs.spec().values("model", "repeats").flags("overwrite").alias("-o", "output")
                .values("output").repeatable("baseline");
    }

    @Test
    void readsValuesFlagsAliasesAndPositionals() {
        CommandLineArgs a = spec().parse("in.png", "--model", "m", "-o", "out", "--repeats=3", "--overwrite", "b.tif",
                "--baseline", "gray", "--baseline", "default");
        assertEquals(List.of("in.png", "b.tif"), a.positionals());
        assertEquals("m", a.value("model", null));
        assertEquals("out", a.value("output", null));
        assertEquals(3, a.intValue("repeats", 1));
        assertTrue(a.flag("overwrite"));
        assertTrue(a.has("overwrite"), "a given flag is given");
        assertTrue(a.has("model"));
        assertEquals(List.of("gray", "default"), a.all("baseline"));
        assertEquals(Map.of("model", "m", "output", "out", "repeats", "3", "baseline", "gray"), a.asMap());
    }

    @Test
    void absentKeysGiveTheFallback() {
        CommandLineArgs a = spec().parse();
        assertFalse(a.flag("overwrite"));
        assertFalse(a.has("overwrite"));
        assertFalse(a.has("model"));
        assertEquals("x", a.value("model", "x"));
        assertEquals(7, a.intValue("repeats", 7));
        assertEquals(List.of(), a.all("baseline"));
    }

    @Test
    void problemsNameTheOption() {
        assertEquals("unknown option --colour", message("--colour", "red"));
        assertEquals("unknown option -x", message("-x"));
        assertEquals("--model needs a value", message("--model"));
        assertEquals("--model needs a value", message("--model", "--overwrite"));
        assertEquals("--model needs a value", message("--model="));
        assertEquals("--model given twice", message("--model", "a", "--model", "b"));
        assertEquals("--overwrite takes no value", message("--overwrite=yes"));
        assertEquals("--repeats must be a whole number, was 'many'",
                assertThrows(IllegalArgumentException.class, () -> spec().parse("--repeats", "many").intValue("repeats", 1)).getMessage());
    }

    @Test
    void positionalsCanBeRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLineArgs.spec().values("truth").noPositionals(" (give images with --truth)").parse("x.png"));
        assertEquals("unexpected argument 'x.png' (give images with --truth)", e.getMessage());
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> spec().parse(args)).getMessage();
    }
}
