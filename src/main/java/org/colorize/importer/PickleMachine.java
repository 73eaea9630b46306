package org.colorize.importer;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colorize.importer.AllowedGlobal.StorageClass;
import org.colorize.importer.PyContainer.Dict;
import org.colorize.importer.PyContainer.PyList;
import org.colorize.importer.PyContainer.Tuple;

/**
 * Unpickles the subset of Python's pickle protocols 2–5 that PyTorch state dicts use, without
 * ever running anything: globals come from {@link AllowedGlobal}'s allow-list, REDUCE and NEWOBJ
 * apply only those, persistent ids become {@link Storage}s through a {@link PersistentLoader}.
 * Every length is checked against the bytes left before it is read, and {@link PickleLimits}
 * bound the stack, the memo, the nesting and the number of values.
 *
 * <p>Values: {@link PyNone}, Boolean, Long (BigInteger beyond 64 bits), Double, String, byte[],
 * {@link Tuple}, {@link PyList}, {@link Dict}, {@link Storage}, {@link TorchTensor}, and the
 * allowed globals themselves.
 */
final class PickleMachine {
    /** Turns a persistent id (BINPERSID) into a value, in PyTorch a storage. */
    @FunctionalInterface
    interface PersistentLoader {
        Object load(Object pid) throws CheckpointException;
    }

    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };
    private static final int HIGHEST_PROTOCOL = 5;
    /** A GLOBAL's module or name is one text line; longer ones are not Python identifiers anyway. */
    private static final int MAX_GLOBAL_LINE = 256;
    /** LONG4 lengths beyond this are no state dict's (a 1 KiB integer has ~2500 digits). */
    private static final int MAX_LONG_BYTES = 1024;

    private final PickleLimits limits;
    private final PersistentLoader persistent;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private long items;
    private ByteBuffer in;
    private int start;

    PickleMachine(PickleLimits limits, PersistentLoader persistent) {
        this.limits = limits;
        this.persistent = persistent;
    }

    /**
     * Runs the pickle that starts at {@code in}'s position up to its STOP and returns its value;
     * {@code in} is left just after the STOP.
     */
    Object load(ByteBuffer input) throws CheckpointException {
        in = input.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        start = in.position();
        stack.clear();
        marks.clear();
        memo.clear();
        items = 0;
        try {
            Object result = run();
            input.position(in.position());
            return result;
        } catch (ArithmeticException | IndexOutOfBoundsException e) {
            throw new CheckpointException("malformed pickle at byte " + (in.position() - start) + ": " + e.getMessage());
        }
    }

    private Object run() throws CheckpointException {
        while (true) {
            if (in.position() - start > limits.maxPickleBytes()) {
                throw new RefusedCheckpointException("refused: a pickle longer than " + limits.maxPickleBytes() + " bytes");
            }
            int at = in.position() - start;
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int protocol = u8();
                    if (protocol > HIGHEST_PROTOCOL) throw new CheckpointException("pickle protocol " + protocol + " is newer than 5");
                }
                case 0x95 -> { // FRAME: a length hint; the bytes follow in line
                    long frame = in.getLong(position(8));
                    if (frame < 0 || frame > in.remaining()) {
                        throw new CheckpointException("truncated pickle: a frame of " + frame + " bytes, " + in.remaining() + " left");
                    }
                }
                case '.' -> { // STOP
                    if (!marks.isEmpty()) throw new CheckpointException("pickle stops inside a MARK");
                    return pop();
                }
                case '(' -> mark();
                case ')' -> push(new Tuple(List.of()));
                case ']' -> push(new PyList());
                case '}' -> push(new Dict(false));
                case 't' -> push(checkDepth(new Tuple(popMark())));
                case 0x85 -> push(checkDepth(new Tuple(popN(1))));
                case 0x86 -> push(checkDepth(new Tuple(popN(2))));
                case 0x87 -> push(checkDepth(new Tuple(popN(3))));
                case 'l' -> {
                    PyList list = new PyList();
                    for (Object v : popMark()) append(list, v);
                    push(list);
                }
                case 'd' -> {
                    Dict dict = new Dict(false);
                    setItems(dict, popMark());
                    push(dict);
                }
                case 'a' -> {
                    Object v = pop();
                    append(list(peek(), "APPEND"), v);
                }
                case 'e' -> {
                    List<Object> vs = popMark();
                    PyList list = list(peek(), "APPENDS");
                    for (Object v : vs) append(list, v);
                }
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    setItems(dict(peek(), "SETITEM"), List.of(k, v));
                }
                case 'u' -> {
                    List<Object> kvs = popMark();
                    setItems(dict(peek(), "SETITEMS"), kvs);
                }
                case 'N' -> push(PyNone.NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) in.getInt(position(4)));
                case 'K' -> push((long) u8());
                case 'M' -> push((long) (in.getShort(position(2)) & 0xffff));
                case 0x8a -> push(longOf(bytes(u8())));
                case 0x8b -> push(longOf(bytes(length(in.getInt(position(4)) & 0xffffffffL, MAX_LONG_BYTES, "LONG4"))));
                case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong(position(8))))); // BINFLOAT is big-endian
                case 'X' -> push(utf8(u32("BINUNICODE")));
                case 0x8c -> push(utf8(u8()));
                case 0x8d -> push(utf8(length(in.getLong(position(8)), limits.maxStringBytes(), "BINUNICODE8")));
                case 'U' -> push(latin1(u8()));
                case 'T' -> push(latin1(u32("BINSTRING")));
                case 'C' -> push(bytes(u8()));
                case 'B' -> push(bytes(u32("BINBYTES")));
                case 0x8e -> push(bytes(length(in.getLong(position(8)), limits.maxStringBytes(), "BINBYTES8")));
                case 'q' -> put(u8());
                case 'r' -> put(in.getInt(position(4)) & 0xffffffffL);
                case 0x94 -> put(memo.size());
                case 'h' -> get(u8());
                case 'j' -> get(in.getInt(position(4)) & 0xffffffffL);
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> push(peek());
                case 'c' -> push(AllowedGlobal.resolve(line(), line()));
                case 0x93 -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw new CheckpointException("STACK_GLOBAL needs two strings, got " + typeOf(module) + " and " + typeOf(name));
                    }
                    push(AllowedGlobal.resolve(m, n));
                }
                case 'Q' -> push(persistent.load(pop()));
                case 'R' -> {
                    Object args = pop();
                    push(apply(pop(), args, "REDUCE"));
                }
                case 0x81 -> {
                    Object args = pop();
                    push(apply(pop(), args, "NEWOBJ"));
                }
                case 'b' -> build(pop(), peek());
                case 'i', 'o', 0x82, 0x83, 0x84, 0x92 -> throw new RefusedCheckpointException(String.format(
                        "refused: pickle opcode 0x%02x at byte %d builds objects in ways a state dict never does", op, at));
                default -> throw new CheckpointException(String.format(
                        "unsupported pickle opcode 0x%02x at byte %d (not one PyTorch writes for a state dict)", op, at));
            }
        }
    }

    /** REDUCE/NEWOBJ: only the allow-listed callables, each building its Java value. */
    private Object apply(Object callable, Object args, String opcode) throws CheckpointException {
        if (!(callable instanceof AllowedGlobal g)) {
            String what = callable instanceof StorageClass ? callable.toString() : "a " + typeOf(callable);
            throw new RefusedCheckpointException("refused: its pickle applies " + opcode + " to " + what
                    + "; only " + String.join(", ", List.of(AllowedGlobal.values()).stream().map(AllowedGlobal::qualifiedName).toList())
                    + " may be called. Nothing in the file was run.");
        }
        if (!(args instanceof Tuple t)) throw new CheckpointException(opcode + " of " + g + " needs a tuple of arguments");
        List<Object> a = t.items;
        return switch (g) {
            case ORDERED_DICT -> {
                Dict dict = new Dict(true);
                if (a.size() == 1 && a.get(0) instanceof PyList pairs) {
                    for (Object pair : pairs.items) {
                        if (!(pair instanceof Tuple kv) || kv.size() != 2) throw new CheckpointException("OrderedDict of a list that is not of pairs");
                        setItems(dict, kv.items);
                    }
                } else if (!a.isEmpty()) {
                    throw new CheckpointException("OrderedDict called with " + a.size() + " arguments");
                }
                yield dict;
            }
            case REBUILD_TENSOR_V2 -> {
                if (a.size() < 4 || a.size() > 7) throw new CheckpointException("_rebuild_tensor_v2 with " + a.size() + " arguments");
                if (!(a.get(0) instanceof Storage storage)) {
                    throw new CheckpointException("_rebuild_tensor_v2 of a " + typeOf(a.get(0)) + ", not a storage");
                }
                long[] shape = longs(a.get(2), "size");
                long[] stride = longs(a.get(3), "stride");
                if (shape.length > limits.maxRank()) throw new RefusedCheckpointException("refused: a tensor of rank " + shape.length);
                yield TorchTensor.of(storage, integer(a.get(1), "storage offset"), shape, stride);
            }
            case REBUILD_PARAMETER -> {
                if (a.isEmpty() || !(a.get(0) instanceof TorchTensor tensor)) {
                    throw new CheckpointException("_rebuild_parameter without a tensor");
                }
                yield tensor;
            }
        };
    }

    /** BUILD: sets an object's state. Only an OrderedDict's (its {@code _metadata}), which weights never need. */
    private void build(Object state, Object target) throws CheckpointException {
        if (!(target instanceof Dict)) {
            throw new RefusedCheckpointException("refused: its pickle sets the state of a " + typeOf(target)
                    + " (BUILD), which a state dict never does");
        }
        count();
    }

    private long[] longs(Object tuple, String what) throws CheckpointException {
        if (!(tuple instanceof Tuple t)) throw new CheckpointException("tensor " + what + " is a " + typeOf(tuple) + ", not a tuple");
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) out[i] = integer(t.items.get(i), what);
        return out;
    }

    private static long integer(Object v, String what) throws CheckpointException {
        if (v instanceof Long l) return l;
        throw new CheckpointException("tensor " + what + " is a " + typeOf(v) + ", not an integer");
    }

    private void append(PyList list, Object v) throws CheckpointException {
        if (v == MARK) throw new CheckpointException("APPEND of a MARK");
        list.items.add(v);
        depth(list.adopt(v));
    }

    private void setItems(Dict dict, List<Object> keysAndValues) throws CheckpointException {
        if (keysAndValues.size() % 2 != 0) throw new CheckpointException("SETITEMS with an odd number of values");
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            Object key = keysAndValues.get(i);
            if (!(key instanceof String || key instanceof Long || key instanceof Boolean || key instanceof PyNone
                    || key instanceof Double || key instanceof BigInteger)) {
                throw new CheckpointException("dict key of type " + typeOf(key) + " (state dicts have string keys)");
            }
            Object value = keysAndValues.get(i + 1);
            dict.items.put(key, value);
            depth(dict.adopt(value));
        }
    }

    private <C extends PyContainer> C checkDepth(C container) throws CheckpointException {
        depth(container.depth());
        return container;
    }

    private void depth(int depth) throws RefusedCheckpointException {
        if (depth > limits.maxDepth()) {
            throw new RefusedCheckpointException("refused: its pickle nests values deeper than " + limits.maxDepth()
                    + " levels (a state dict needs 4)");
        }
    }

    private static PyList list(Object v, String opcode) throws CheckpointException {
        if (v instanceof PyList l) return l;
        throw new CheckpointException(opcode + " to a " + typeOf(v) + ", not a list");
    }

    private static Dict dict(Object v, String opcode) throws CheckpointException {
        if (v instanceof Dict d) return d;
        throw new CheckpointException(opcode + " to a " + typeOf(v) + ", not a dict");
    }

    private void mark() throws CheckpointException {
        if (marks.size() >= limits.maxDepth()) {
            throw new RefusedCheckpointException("refused: its pickle nests MARKs deeper than " + limits.maxDepth() + " levels");
        }
        marks.add(stack.size());
        stack.add(MARK);
    }

    private List<Object> popMark() throws CheckpointException {
        if (marks.isEmpty()) throw new CheckpointException("pickle pops a MARK it never set");
        int m = marks.remove(marks.size() - 1);
        List<Object> top = new ArrayList<>(stack.subList(m + 1, stack.size()));
        stack.subList(m, stack.size()).clear();
        return top;
    }

    private List<Object> popN(int n) throws CheckpointException {
        if (stack.size() - floor() < n) throw new CheckpointException("pickle stack underflow");
        List<Object> top = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return top;
    }

    private int floor() {
        return marks.isEmpty() ? 0 : marks.get(marks.size() - 1) + 1;
    }

    private void push(Object v) throws CheckpointException {
        if (stack.size() >= limits.maxStack()) throw new RefusedCheckpointException("refused: its pickle stack exceeds " + limits.maxStack() + " values");
        count();
        stack.add(v);
    }

    private void count() throws RefusedCheckpointException {
        if (++items > limits.maxItems()) throw new RefusedCheckpointException("refused: its pickle makes more than " + limits.maxItems() + " values");
    }

    private Object pop() throws CheckpointException {
        if (stack.size() <= floor()) throw new CheckpointException("pickle stack underflow at byte " + (in.position() - start));
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws CheckpointException {
        if (stack.size() <= floor()) throw new CheckpointException("pickle stack underflow at byte " + (in.position() - start));
        return stack.get(stack.size() - 1);
    }

    private void put(long index) throws CheckpointException {
        if (!memo.containsKey(index) && memo.size() >= limits.maxMemo()) {
            throw new RefusedCheckpointException("refused: its pickle memo exceeds " + limits.maxMemo() + " entries");
        }
        memo.put(index, peek());
    }

    private void get(long index) throws CheckpointException {
        Object v = memo.get(index);
        if (v == null) throw new CheckpointException("pickle reads memo entry " + index + " that was never written");
        push(v);
    }

    private int u8() throws CheckpointException {
        return in.get(position(1)) & 0xff;
    }

    private int u32(String opcode) throws CheckpointException {
        return length(in.getInt(position(4)) & 0xffffffffL, limits.maxStringBytes(), opcode);
    }

    /** A length read from the file, refused beyond {@code max} or beyond the bytes left. */
    private int length(long n, long max, String opcode) throws CheckpointException {
        if (n < 0 || n > max) throw new RefusedCheckpointException("refused: a " + opcode + " of " + n + " bytes (limit " + max + ")");
        if (n > in.remaining()) throw new CheckpointException("truncated pickle: " + opcode + " of " + n + " bytes, " + in.remaining() + " left");
        return (int) n;
    }

    /** Advances past {@code n} bytes and returns where they start. */
    private int position(int n) throws CheckpointException {
        if (in.remaining() < n) throw new CheckpointException("truncated pickle at byte " + (in.position() - start));
        int p = in.position();
        in.position(p + n);
        return p;
    }

    private byte[] bytes(int n) throws CheckpointException {
        if (n > in.remaining()) throw new CheckpointException("truncated pickle: " + n + " bytes wanted, " + in.remaining() + " left");
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private String utf8(int n) throws CheckpointException {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    private String latin1(int n) throws CheckpointException {
        return new String(bytes(n), StandardCharsets.ISO_8859_1);
    }

    /** A text line of GLOBAL, without its newline. */
    private String line() throws CheckpointException {
        StringBuilder s = new StringBuilder();
        while (true) {
            int c = u8();
            if (c == '\n') return s.toString();
            if (s.length() >= MAX_GLOBAL_LINE) throw new CheckpointException("GLOBAL with a name longer than " + MAX_GLOBAL_LINE);
            s.append((char) c);
        }
    }

    /** LONG1/LONG4: little-endian two's complement. */
    private static Object longOf(byte[] le) {
        if (le.length == 0) return 0L;
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) be[i] = le[le.length - 1 - i];
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    static String typeOf(Object v) {
        if (v == null) return "nothing";
        if (v instanceof PyContainer c) return c.typeName();
        if (v instanceof AllowedGlobal || v instanceof StorageClass) return "global " + v;
        if (v == MARK) return "MARK";
        return switch (v.getClass().getSimpleName()) {
            case "Long", "BigInteger" -> "int";
            case "String" -> "str";
            case "byte[]" -> "bytes";
            case "Double" -> "float";
            case "Boolean" -> "bool";
            case "PyNone" -> "None";
            default -> v.getClass().getSimpleName();
        };
    }
}
