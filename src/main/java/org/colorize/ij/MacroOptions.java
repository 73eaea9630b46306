package org.colorize.ij;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ImageJ macro option strings ({@code key=value key=[value with spaces] flag}) as an ordered map,
 * with the keys a command does not know listed so they can be warned about.
 */
final class MacroOptions {
    private static final Pattern PAIR = Pattern.compile("(\\S+?)=(\\[[^\\]]*\\]|\\S*)|(\\S+)");

    private MacroOptions() {
    }

    static Map<String, String> parse(String options) {
        Map<String, String> values = new LinkedHashMap<>();
        if (options == null) return values;
        Matcher m = PAIR.matcher(options);
        while (m.find()) {
            if (m.group(1) != null) {
                String v = m.group(2);
                if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
                values.put(m.group(1).toLowerCase(java.util.Locale.ROOT), v);
            } else {
                values.put(m.group(3).toLowerCase(java.util.Locale.ROOT), "true");
            }
        }
        return values;
    }

    static List<String> unknownKeys(Map<String, String> values, List<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!known.contains(k)) unknown.add(k);
        }
        return unknown;
    }
}
