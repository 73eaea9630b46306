package org.colorize.train.corpus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One Debian package the corpus draws from, and which of its files count. A file's
 * <em>logical path</em> is its path inside the package ({@code usr/share/...}); for an entry of a
 * Qt resource bundle or a zip ({@code .pk3}) it is {@code BUNDLE!INNER}, e.g.
 * {@code usr/share/gcompris-qt/rcc/erase.rcc!gcompris/src/activities/erase/resource/x.webp}.
 * The first {@link Rule} whose pattern matches the whole logical path decides the file's kind;
 * {@code exclude} (matched the same way) removes files that are not photographs (drawings,
 * logos, screenshots, paintings), chosen by looking at every image of the package.
 */
public record SourcePackage(String name, List<Rule> rules, Pattern exclude, String note) {

    /** A regular expression over the logical path and the kind it gives. */
    public record Rule(Pattern include, Kind kind) {
        public static Rule of(String regex, Kind kind) {
            return new Rule(Pattern.compile(regex), kind);
        }
    }

    public static SourcePackage of(String name, String exclude, String note, Rule... rules) {
        return new SourcePackage(name, List.of(rules), exclude == null ? null : Pattern.compile(exclude), note);
    }

    /** The kind the rules give this path, or null when no rule includes it or it is excluded. */
    public Kind kindOf(String logicalPath) {
        if (exclude != null && exclude.matcher(logicalPath).matches()) return null;
        for (Rule r : rules) if (r.include().matcher(logicalPath).matches()) return r.kind();
        return null;
    }

    /** True when some rule could match entries inside this bundle (a {@code .rcc} or {@code .pk3}). */
    public boolean mayLookInside(String bundlePath) {
        for (Rule r : rules) {
            String p = r.include().pattern();
            if (p.contains("!") && bundlePath.matches(p.substring(0, p.indexOf('!')))) return true;
        }
        return false;
    }

    /** A fingerprint of the rules, so changed rules make a package be processed again. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(name);
        for (Rule r : rules) sb.append('|').append(r.kind()).append('=').append(r.include().pattern());
        sb.append("|x=").append(exclude == null ? "" : exclude.pattern());
        return sb.toString();
    }
}
