package org.colorize.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tuple, list or dict of an unpickled value, with its nesting depth (1 + the deepest value put
 * in it), so the machine can refuse deep nesting as it builds. Nothing walks these recursively;
 * {@link #toString()} names the type and size only.
 */
abstract class PyContainer {
    private int depth = 1;

    int depth() {
        return depth;
    }

    /** Records that {@code child} was put in this container; returns the new depth. */
    int adopt(Object child) {
        if (child instanceof PyContainer c) depth = Math.max(depth, c.depth + 1);
        return depth;
    }

    abstract int size();

    abstract String typeName();

    @Override
    public String toString() {
        return typeName() + " of " + size();
    }

    /** An immutable tuple. */
    static final class Tuple extends PyContainer {
        final List<Object> items;

        Tuple(List<Object> items) {
            this.items = Collections.unmodifiableList(new ArrayList<>(items));
            items.forEach(this::adopt);
        }

        @Override
        int size() {
            return items.size();
        }

        @Override
        String typeName() {
            return "tuple";
        }
    }

    /** A list, filled by APPEND(S). */
    static final class PyList extends PyContainer {
        final List<Object> items = new ArrayList<>();

        @Override
        int size() {
            return items.size();
        }

        @Override
        String typeName() {
            return "list";
        }
    }

    /** A dict or an OrderedDict (insertion order kept either way), filled by SETITEM(S). */
    static final class Dict extends PyContainer {
        final Map<Object, Object> items = new LinkedHashMap<>();
        final boolean ordered;

        Dict(boolean ordered) {
            this.ordered = ordered;
        }

        @Override
        int size() {
            return items.size();
        }

        @Override
        String typeName() {
            return ordered ? "OrderedDict" : "dict";
        }
    }
}
