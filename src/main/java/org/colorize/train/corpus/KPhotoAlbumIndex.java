package org.colorize.train.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KPhotoAlbum keeps a photo's rotation in its album's {@code index.xml}
 * ({@code <image file="x.jpg" angle="90" …/>}), not in the JPEG; the demo album has four
 * sideways or upside-down photos that would otherwise enter the corpus turned.
 */
final class KPhotoAlbumIndex {
    static final String DEMO = "usr/share/kphotoalbum/demo/";
    private static final Pattern IMAGE = Pattern.compile("<image\\s[^>]*>", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("\\bfile=\"([^\"]+)\"");
    private static final Pattern ANGLE = Pattern.compile("\\bangle=\"(-?\\d+)\"");

    private KPhotoAlbumIndex() {
    }

    /** Logical path → clockwise rotation in degrees, for the demo album under {@code root} (empty if none). */
    static Map<String, Integer> rotations(Path root) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        Path index = root.resolve(DEMO + "index.xml");
        if (!Files.isRegularFile(index)) return out;
        parse(Files.readString(index, StandardCharsets.UTF_8), out);
        return out;
    }

    static void parse(String xml, Map<String, Integer> out) {
        Matcher m = IMAGE.matcher(xml);
        while (m.find()) {
            Matcher f = FILE.matcher(m.group());
            Matcher a = ANGLE.matcher(m.group());
            if (f.find() && a.find()) {
                int angle = Integer.parseInt(a.group(1));
                if (angle % 360 != 0) out.put(DEMO + f.group(1), angle);
            }
        }
    }
}
