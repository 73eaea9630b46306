package org.colorize.train.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package's {@code usr/share/doc/PKG/copyright}: the machine-readable format (DEP-5,
 * copyright-format 1.0) when it is one, else a free-form text from which only a best-guess
 * overall license is read.
 *
 * <p>DEP-5 {@code Files:} patterns name paths in the <em>source</em> tree, while the corpus knows
 * the path a file is <em>installed</em> at (e.g. source {@code skimage/data/coffee.png} is
 * installed as {@code usr/lib/python3/dist-packages/skimage/data/coffee.png}; source
 * {@code base/textures/x.png} ends up inside {@code usr/share/games/ufoai/base/0textures.pk3}).
 * So a pattern is tried, in this order of trust, against:
 * <ol>
 *   <li>{@code path}: every '/'-aligned suffix of the installed path (glob semantics of the
 *       format: {@code *} matches any characters including '/', {@code ?} one character);</li>
 *   <li>{@code path~ext}: a wildcard-free pattern naming the same path with another extension
 *       (GCompris converts its {@code .jpg}/{@code .png} sources to {@code .webp} when building);</li>
 *   <li>{@code partial}: the pattern without its first directory, when three literal directories
 *       lead it (source {@code data/tracks/road/forza/*} vs installed
 *       {@code usr/share/games/torcs/tracks/road/forza/x.png});</li>
 *   <li>{@code name}: a pattern without wildcards in its last component whose file name equals
 *       the installed file name (source {@code 16.04/x.jpg} installed as {@code backgrounds/x.jpg}).</li>
 * </ol>
 * Among the matching stanzas the one whose matched pattern has the most literal characters wins;
 * ties go to the later stanza, which is the format's own "last match wins" rule. A file no
 * specific pattern reaches gets the license of the {@code Files: *} stanza ({@code default}).
 */
public final class DebianCopyright {

    /** A license and how it was found: path, path~ext, partial, name, default, freeform or none. */
    public record LicenseMatch(String license, String how) {
    }

    record Stanza(List<String> patterns, String license) {
    }

    private final boolean machineReadable;
    private final List<Stanza> stanzas;
    private final String overall;

    private DebianCopyright(boolean machineReadable, List<Stanza> stanzas, String overall) {
        this.machineReadable = machineReadable;
        this.stanzas = stanzas;
        this.overall = overall;
    }

    public boolean machineReadable() {
        return machineReadable;
    }

    /** The license of {@code Files: *} (else the header's License, else "unknown"; or the free-form guess). */
    public String overallLicense() {
        return overall;
    }

    public static DebianCopyright parse(String text) {
        List<Map<String, String>> paragraphs = paragraphs(text);
        boolean dep5 = !paragraphs.isEmpty() && paragraphs.get(0).containsKey("format")
                || paragraphs.stream().anyMatch(p -> p.containsKey("files") && p.containsKey("license"));
        if (!dep5) return new DebianCopyright(false, List.of(), freeformLicense(text));
        List<Stanza> stanzas = new ArrayList<>();
        String header = null;
        for (Map<String, String> p : paragraphs) {
            String license = p.containsKey("license") ? firstLine(p.get("license")) : null;
            if (p.containsKey("files") && license != null) {
                List<String> patterns = new ArrayList<>();
                for (String s : p.get("files").trim().split("\\s+")) if (!s.isEmpty()) patterns.add(s);
                stanzas.add(new Stanza(patterns, license));
            } else if (p.containsKey("format") && license != null) {
                header = license;
            }
        }
        String overall = null;
        for (Stanza s : stanzas) if (s.patterns().contains("*")) overall = s.license();
        if (overall == null) overall = header;
        if (overall == null || overall.isEmpty()) overall = "unknown (no Files: * stanza)";
        return new DebianCopyright(true, stanzas, overall);
    }

    /** The license for a file installed at {@code installedPath} (relative, '/'-separated). */
    public LicenseMatch licenseFor(String installedPath) {
        if (!machineReadable) return new LicenseMatch(overall, "freeform");
        String path = installedPath.startsWith("/") ? installedPath.substring(1) : installedPath;
        String base = path.substring(path.lastIndexOf('/') + 1);
        Stanza best = null;
        int bestScore = -1;
        String bestHow = null;
        for (Stanza s : stanzas) {
            for (String pattern : s.patterns()) {
                if (pattern.equals("*")) continue;
                String how = null;
                int score = -1;
                if (matchesSuffix(pattern, path)) {
                    how = "path";
                    score = literalLength(pattern);
                } else if (!hasWildcard(pattern) && sameButExtension(pattern, path)) {
                    how = "path~ext";
                    score = literalLength(pattern) - 1;
                } else if (partialMatch(pattern, path)) {
                    how = "partial";
                    score = literalLength(pattern.substring(pattern.indexOf('/') + 1));
                } else {
                    String last = pattern.substring(pattern.lastIndexOf('/') + 1);
                    if (!last.isEmpty() && !hasWildcard(last) && last.equals(base)) {
                        how = "name";
                        score = last.length();
                    }
                }
                if (how != null && score >= bestScore) {
                    best = s;
                    bestScore = score;
                    bestHow = how;
                }
            }
        }
        if (best != null) return new LicenseMatch(best.license(), bestHow);
        return new LicenseMatch(overall, "default");
    }

    List<Stanza> stanzas() {
        return stanzas;
    }

    /**
     * The pattern without its first directory (a source-tree prefix such as {@code data/} that the
     * installed path lacks) matches; what remains must start with two literal directories.
     */
    private static boolean partialMatch(String pattern, String path) {
        String[] parts = pattern.split("/");
        if (parts.length < 4 || hasWildcard(parts[0]) || hasWildcard(parts[1]) || hasWildcard(parts[2])) return false;
        return matchesSuffix(pattern.substring(pattern.indexOf('/') + 1), path);
    }

    /** Same path but another extension: sources converted at build time (GCompris' .jpg/.png become .webp). */
    private static boolean sameButExtension(String pattern, String path) {
        String p = stripExtension(pattern);
        String q = stripExtension(path);
        return p != null && q != null && (q.equals(p) || q.endsWith("/" + p));
    }

    private static String stripExtension(String path) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return dot > slash + 1 ? path.substring(0, dot) : null;
    }

    private static boolean matchesSuffix(String pattern, String path) {
        if (!hasWildcard(pattern)) return path.equals(pattern) || path.endsWith("/" + pattern);
        Pattern regex = globToRegex(pattern);
        if (regex.matcher(path).matches()) return true;
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            if (regex.matcher(path.substring(i + 1)).matches()) return true;
        }
        return false;
    }

    private static final Map<String, Pattern> GLOBS = new java.util.concurrent.ConcurrentHashMap<>();

    /** copyright-format globs: '*' any run of characters including '/', '?' one character. */
    static Pattern globToRegex(String glob) {
        return GLOBS.computeIfAbsent(glob, g -> {
            StringBuilder sb = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < g.length(); i++) {
                char c = g.charAt(i);
                if (c == '*' || c == '?') {
                    if (literal.length() > 0) sb.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                    sb.append(c == '*' ? ".*" : ".");
                } else if (c == '\\' && i + 1 < g.length()) {
                    literal.append(g.charAt(++i));
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) sb.append(Pattern.quote(literal.toString()));
            return Pattern.compile(sb.toString(), Pattern.DOTALL);
        });
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    private static int literalLength(String pattern) {
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) if (pattern.charAt(i) != '*' && pattern.charAt(i) != '?') n++;
        return n;
    }

    /**
     * The short name on the License field's first line. Some files leave it empty and put the
     * text on the continuation lines; then the text is named as a free-form file would be, or
     * quoted ("custom: ...").
     */
    private static String firstLine(String value) {
        int nl = value.indexOf('\n');
        String first = (nl < 0 ? value : value.substring(0, nl)).strip();
        if (!first.isEmpty() || nl < 0) return first;
        String text = value.substring(nl + 1).replace('\n', ' ').strip();
        String guess = freeformLicense(text);
        if (!guess.equals("unknown")) return guess;
        return "custom: " + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
    }

    /** RFC 822-style paragraphs; keys lower-cased; continuation lines joined with '\n'. */
    static List<Map<String, String>> paragraphs(String text) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String key = null;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) out.add(current);
                current = new LinkedHashMap<>();
                key = null;
            } else if (line.startsWith("#")) {
                continue;
            } else if (Character.isWhitespace(line.charAt(0))) {
                if (key != null) current.merge(key, "\n" + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    key = null;
                    continue;
                }
                key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                current.put(key, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    private static final Pattern GPL = Pattern.compile(
            "(Lesser|Library)?\\s*General Public License[^.]{0,120}?version (\\d(?:\\.\\d)?)(?: of the License)?,?"
                    + "(\\s*or\\s*\\(?at your option\\)?\\s*any later version)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A best guess at a free-form copyright file's license, named as DEP-5 would name it. */
    static String freeformLicense(String text) {
        Matcher m = GPL.matcher(text);
        if (m.find()) {
            String kind = m.group(1) == null ? "GPL" : "LGPL";
            return kind + "-" + m.group(2) + (m.group(3) != null ? "+" : "");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("creative commons")) return "CC (see copyright file)";
        if (lower.contains("public domain")) return "public-domain";
        if (lower.contains("permission is hereby granted, free of charge")) return "Expat";
        if (lower.contains("redistribution and use in source and binary forms")) return "BSD";
        return "unknown";
    }
}
