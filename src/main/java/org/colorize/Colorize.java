package org.colorize;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Product facts shared by every front end. */
public final class Colorize {
    public static final String NAME = "Colorize";
    public static final String VERSION = readVersion();

    private Colorize() {
    }

    private static String readVersion() {
        try (InputStream in = Colorize.class.getResourceAsStream("version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
