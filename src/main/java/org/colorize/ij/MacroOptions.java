package org.colorize.ij;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ImageJ macro option strings ({@code key=value key=[value with spaces] key='value' flag}) as an
 * ordered map, with the keys a command does not know listed so they can be warned about. A
 * bracketed value ends where its brackets balance, as in ImageJ's own {@code Macro.getValue}, so
 * a file name holding brackets ({@code input=[scan [1].tif]}) is read whole; a closing bracket
 * that is not followed by a space or the end does not end it ({@code input=[a].tif]}).
 */
final class MacroOptions {
    private MacroOptions() {
    }

    static Map<String, String> parse(String options) {
        Map<String, String> values = new LinkedHashMap<>();
        if (options == null) return values;
        int n = options.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(options.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(options.charAt(i))) i++;
            String key = options.substring(start, i).toLowerCase(Locale.ROOT);
            if (i >= n || options.charAt(i) != '=') {
                values.put(key, "true");
                continue;
            }
            i++; // '='
            String value;
            if (i < n && options.charAt(i) == '[') {
                int end = closingBracket(options, i);
                value = options.substring(i + 1, end);
                i = Math.min(n, end + 1);
            } else if (i < n && options.charAt(i) == '\'' && options.indexOf('\'', i + 1) > 0) {
                int end = options.indexOf('\'', i + 1);
                value = options.substring(i + 1, end);
                i = end + 1;
            } else {
                int s = i;
                while (i < n && !Character.isWhitespace(options.charAt(i))) i++;
                value = options.substring(s, i);
            }
            values.put(key, value);
        }
        return values;
    }

    /** The index of the bracket closing the one at {@code open} (the string's length when there is none). */
    private static int closingBracket(String s, int open) {
        int depth = 0;
        int n = s.length();
        for (int i = open; i < n; i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            if (c == ']') {
                depth--;
                boolean last = i + 1 >= n || Character.isWhitespace(s.charAt(i + 1));
                if (depth <= 0 && last) return i;
            }
        }
        return n;
    }

    /** A value as a macro option: bracketed when it holds a space or a bracket. */
    static String quote(String value) {
        return value.matches(".*[\\s\\[\\]].*") ? "[" + value + "]" : value;
    }

    static List<String> unknownKeys(Map<String, String> values, List<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!known.contains(k)) unknown.add(k);
        }
        return unknown;
    }
}
