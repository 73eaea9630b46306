package org.colorize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one reader of {@code --key value} command lines: {@code --key value}, {@code --key=value},
 * flags without a value, short aliases ({@code -o}), repeatable keys and positional arguments.
 * Every problem is an {@link IllegalArgumentException} whose message names the option, ready for
 * a usage line.
 */
public final class CommandLineArgs {
    private final List<String> positionals;
    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private CommandLineArgs(List<String> positionals, Map<String, List<String>> values, Set<String> flags) {
        this.positionals = positionals;
        this.values = values;
        this.flags = flags;
    }

    /** What a command accepts. Keys are given without the leading dashes. */
    public static final class Spec {
        private final Set<String> valued = new LinkedHashSet<>();
        private final Set<String> repeatable = new LinkedHashSet<>();
        private final Set<String> flagKeys = new LinkedHashSet<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private String positionalsRefused;

        /** Keys that take one value each, given at most once. */
        public Spec values(Iterable<String> keys) {
            keys.forEach(valued::add);
            return this;
        }

        public Spec values(String... keys) {
            return values(List.of(keys));
        }

        /** A key that takes a value and may be given several times. */
        public Spec repeatable(String key) {
            valued.add(key);
            repeatable.add(key);
            return this;
        }

        /** Keys that take no value. */
        public Spec flags(Iterable<String> keys) {
            keys.forEach(flagKeys::add);
            return this;
        }

        public Spec flags(String... keys) {
            return flags(List.of(keys));
        }

        /** A spelling (e.g. {@code -o}) that means {@code --key}. */
        public Spec alias(String spelling, String key) {
            aliases.put(spelling, key);
            return this;
        }

        /** Refuse positional arguments. */
        public Spec noPositionals() {
            return noPositionals("");
        }

        /** Refuse positional arguments, with this hint after "unexpected argument 'x'". */
        public Spec noPositionals(String hint) {
            positionalsRefused = hint;
            return this;
        }

        public CommandLineArgs parse(String... args) {
            return CommandLineArgs.parse(this, args);
        }
    }

    public static Spec spec() {
        return new Spec();
    }

    private static CommandLineArgs parse(Spec spec, String[] args) {
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String key;
            String inline = null;
            if (spec.aliases.containsKey(a)) {
                key = spec.aliases.get(a);
            } else if (a.startsWith("--") && a.length() > 2) {
                key = a.substring(2);
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    inline = key.substring(eq + 1);
                    key = key.substring(0, eq);
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                if (spec.positionalsRefused != null) {
                    throw new IllegalArgumentException("unexpected argument '" + a + "'" + spec.positionalsRefused);
                }
                positionals.add(a);
                continue;
            }
            if (spec.flagKeys.contains(key)) {
                if (inline != null) throw new IllegalArgumentException("--" + key + " takes no value");
                flags.add(key);
            } else if (spec.valued.contains(key)) {
                String value = inline != null ? inline : next(args, ++i, a);
                if (value.isBlank()) throw new IllegalArgumentException("--" + key + " needs a value");
                List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.isEmpty() && !spec.repeatable.contains(key)) {
                    throw new IllegalArgumentException("--" + key + " given twice");
                }
                list.add(value);
            } else {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        return new CommandLineArgs(positionals, values, flags);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length || (args[i].startsWith("--") && args[i].length() > 2)) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    public List<String> positionals() {
        return positionals;
    }

    public boolean flag(String key) {
        return flags.contains(key);
    }

    /** Whether {@code --key} was given, with a value or as a flag. */
    public boolean has(String key) {
        return values.containsKey(key) || flags.contains(key);
    }

    /** The value of a key given once, or {@code fallback}. */
    public String value(String key, String fallback) {
        List<String> list = values.get(key);
        return list == null ? fallback : list.get(0);
    }

    /** Every value of a repeatable key, in order (empty if none). */
    public List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** Single-valued keys and their values, in command-line order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.get(0)));
        return m;
    }

    public int intValue(String key, int fallback) {
        String v = value(key, null);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, was '" + v + "'");
        }
    }

    public long longValue(String key, long fallback) {
        String v = value(key, null);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, was '" + v + "'");
        }
    }
}
