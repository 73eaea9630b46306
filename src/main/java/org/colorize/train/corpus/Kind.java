package org.colorize.train.corpus;

/** What a corpus image is for, and the folder it goes to. */
public enum Kind {
    /** A whole opaque photograph: the main training data. */
    SCENE("scenes"),
    /** An object with an alpha mask (kept as RGBA PNG): composites with exact instance boxes. */
    CUTOUT("cutouts"),
    /** A material texture (ground, wall, wood): low weight in training. */
    SURFACE("surfaces");

    private final String folder;

    Kind(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
