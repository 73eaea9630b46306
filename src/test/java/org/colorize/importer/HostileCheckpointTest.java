package org.colorize.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints written to attack the reader: each is refused with a message that says why,
 * nothing in it runs, and nothing large is allocated on the file's word. The first test makes
 * sure the writer itself produces files the reader accepts.
 */
class HostileCheckpointTest {
    @TempDir
    Path tmp;

    private Path zip(byte[] pickle, byte[] storage) {
        Path f = tmp.resolve("hostile.pth");
        PickleBytes.writeZip(f, pickle, storage);
        return f;
    }

    private String refused(Path file) {
        return assertThrows(RefusedCheckpointException.class, () -> PthReader.read(file).close()).getMessage();
    }

    private String unreadable(Path file) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> PthReader.read(file).close());
        assertFalse(e instanceof RefusedCheckpointException, e.getMessage());
        return e.getMessage();
    }

    @Test
    void theHandWrittenCheckpointsAreValid() throws Exception {
        Path z = zip(PickleBytes.stateDict("w", 2, 2, false).bytes(), PickleBytes.floatsLe(1.5f, -2f));
        try (StateDict sd = PthReader.read(z)) {
            assertArrayEquals(new float[] {1.5f, -2f}, sd.get("w").orElseThrow().floats());
        }
        Path l = tmp.resolve("legacy.pth");
        PickleBytes.writeLegacy(l, PickleBytes.stateDict("w", 2, 2, true).bytes(), 2, PickleBytes.floatsLe(3f, 4f));
        try (StateDict sd = PthReader.read(l)) {
            assertArrayEquals(new float[] {3f, 4f}, sd.get("w").orElseThrow().floats());
        }
    }

    @Test
    void osSystemIsRefusedByNameAndNeverRuns() {
        Path marker = tmp.resolve("pwned");
        byte[] pickle = PickleBytes.protocol(2).global("os", "system").str("touch " + marker).op(0x85).reduce().stop().bytes();
        String message = refused(zip(pickle, null));
        assertTrue(message.contains("os.system"), message);
        assertTrue(message.contains("hostile.pth"), message);
        assertTrue(message.contains("nothing in it was run"), message);
        assertFalse(Files.exists(marker));

        Path legacy = tmp.resolve("legacy.pth");
        PickleBytes.writeLegacy(legacy, pickle, 0, new byte[0]);
        assertTrue(refused(legacy).contains("os.system"));
    }

    @Test
    void stackGlobalOfProtocol4IsCheckedToo() {
        byte[] pickle = PickleBytes.protocol(4).op(0x8c).raw(5).raw("posix".chars().toArray()).op(0x8c).raw(6)
                .raw("system".chars().toArray()).op(0x93).stop().bytes();
        assertTrue(refused(zip(pickle, null)).contains("posix.system"));
        byte[] builtins = PickleBytes.protocol(2).global("builtins", "eval").stop().bytes();
        assertTrue(refused(zip(builtins, null)).contains("builtins.eval"));
    }

    @Test
    void reduceOfAnythingButTheAllowedCallablesIsRefused() {
        byte[] storageCall = PickleBytes.protocol(2).global("torch", "FloatStorage").emptyTuple().reduce().stop().bytes();
        assertTrue(refused(zip(storageCall, null)).contains("REDUCE to torch.FloatStorage"));
        byte[] stringCall = PickleBytes.protocol(2).str("os.system").emptyTuple().reduce().stop().bytes();
        assertTrue(refused(zip(stringCall, null)).contains("REDUCE to a str"));
        byte[] newobj = PickleBytes.protocol(2).op(']').emptyTuple().op(0x81).stop().bytes();
        assertTrue(refused(zip(newobj, null)).contains("NEWOBJ to a list"));
        byte[] inst = PickleBytes.protocol(2).mark().op('i').raw("os\nsystem\n".chars().toArray()).stop().bytes();
        assertTrue(refused(zip(inst, null)).contains("opcode 0x69"));
        byte[] build = PickleBytes.protocol(2).op(']').op('}').op('b').stop().bytes();
        assertTrue(refused(zip(build, null)).contains("BUILD"));
    }

    @Test
    void aStorageLargerThanTheFileIsRefusedBeforeAllocating() {
        // zip: data.pkl claims 500 million floats (2 GB), the entry holds 8 bytes
        String m = unreadable(zip(PickleBytes.stateDict("w", 500_000_000L, 2, false).bytes(), PickleBytes.floatsLe(1, 2)));
        assertTrue(m.contains("should hold 500000000"), m);
        // legacy: the count before the raw bytes claims more than the file has left
        Path legacy = tmp.resolve("legacy.pth");
        PickleBytes.writeLegacy(legacy, PickleBytes.stateDict("w", 100_000_000L, 2, true).bytes(), 100_000_000L,
                PickleBytes.floatsLe(1, 2));
        m = unreadable(legacy);
        assertTrue(m.contains("needs 400000000 bytes but the file has 8 left"), m);
        // legacy: a count that disagrees with the declaration
        PickleBytes.writeLegacy(legacy, PickleBytes.stateDict("w", 2, 2, true).bytes(), 3, PickleBytes.floatsLe(1, 2, 3));
        assertTrue(unreadable(legacy).contains("declared with 2 elements but the file says 3"));
        // a tensor reaching beyond its storage
        m = unreadable(zip(PickleBytes.stateDict("w", 2, 1000, false).bytes(), PickleBytes.floatsLe(1, 2)));
        assertTrue(m.contains("beyond the storage"), m);
        // a string length beyond the bytes left: refused without allocating it
        byte[] longString = PickleBytes.protocol(2).op('X').le32(0x7fff_fff0L).stop().bytes();
        assertTrue(refused(zip(longString, null)).contains("BINUNICODE of 2147483632 bytes"));
    }

    @Test
    void truncatedFilesAreReportedAsSuch() throws Exception {
        for (String format : new String[] {"zip", "legacy"}) {
            byte[] whole = Files.readAllBytes(Fixtures.path("siggraph17-" + format + ".pth"));
            Path cut = tmp.resolve("cut-" + format + ".pth");
            Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
            String m = unreadable(cut);
            assertTrue(m.contains("truncated"), m);
        }
        Path tiny = tmp.resolve("tiny.pth");
        Files.write(tiny, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertTrue(unreadable(tiny).contains("truncated or damaged"));
        Files.write(tiny, "hello world".getBytes());
        assertTrue(unreadable(tiny).contains("not a PyTorch checkpoint"));
    }

    @Test
    void deepNestingIsRefused() {
        PickleBytes lists = PickleBytes.protocol(2);
        for (int i = 0; i < 100; i++) lists.op(']');
        for (int i = 0; i < 99; i++) lists.op('a');
        assertTrue(refused(zip(lists.stop().bytes(), null)).contains("deeper than 64"));
        PickleBytes marks = PickleBytes.protocol(2);
        for (int i = 0; i < 10_000; i++) marks.mark();
        assertTrue(refused(zip(marks.stop().bytes(), null)).contains("MARKs deeper than 64"));
        PickleBytes tuples = PickleBytes.protocol(2).emptyTuple();
        for (int i = 0; i < 100; i++) tuples.op(0x85);
        assertTrue(refused(zip(tuples.stop().bytes(), null)).contains("deeper than 64"));
    }

    @Test
    void malformedPicklesFailCleanly() {
        assertTrue(unreadable(zip(PickleBytes.protocol(2).op('a').stop().bytes(), null)).contains("underflow"));
        assertTrue(unreadable(zip(PickleBytes.protocol(2).op('h').raw(7).stop().bytes(), null)).contains("never written"));
        assertTrue(unreadable(zip(PickleBytes.protocol(2).str("x").bytes(), null)).contains("truncated pickle"));
        assertTrue(unreadable(zip(PickleBytes.protocol(2).integer(3).stop().bytes(), null)).contains("not a state dict"));
        // a persistent id naming a storage the archive lacks
        String m = unreadable(zip(PickleBytes.stateDict("w", 2, 2, false).bytes(), null));
        assertTrue(m.contains("missing from the archive"), m);
    }
}
