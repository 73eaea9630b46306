package org.colorize.train.corpus;

/**
 * One accepted image of one package, as staged (already reduced and written as PNG) before the
 * corpus-wide evaluation exclusion and de-duplication.
 *
 * @param name          file name of the PNG ({@code <stem>-<8 hex>.png})
 * @param originalPath  logical path inside the package ({@code BUNDLE!INNER} for bundle entries)
 * @param licenseMatch  how the license was found ({@link DebianCopyright.LicenseMatch#how()})
 * @param sourceWidth   size of the decoded source (after rotation/cropping)
 * @param pixelSha256   SHA-256 of the decoded source pixels ({@link PixelDigest#of})
 * @param fileSha256    SHA-256 of the PNG file as written
 * @param phash         {@link PerceptualHash} of the written image
 */
public record Candidate(String name, String pkg, String version, String originalPath, String license,
        String licenseMatch, Kind kind, int sourceWidth, int sourceHeight, int width, int height,
        String pixelSha256, String fileSha256, long phash) {

    public long sourceArea() {
        return (long) sourceWidth * sourceHeight;
    }

    /** Path relative to the corpus folder once placed: {@code scenes/<pkg>/<name>}. */
    public String relativePath() {
        return kind.folder() + "/" + pkg + "/" + name;
    }

    static final String HEADER = String.join("\t", "name", "package", "version", "original_path", "license",
            "license_match", "kind", "source_width", "source_height", "width", "height", "pixel_sha256",
            "sha256", "phash");

    String toTsv() {
        return String.join("\t", name, pkg, version, clean(originalPath), clean(license), licenseMatch, kind.label(),
                Integer.toString(sourceWidth), Integer.toString(sourceHeight), Integer.toString(width),
                Integer.toString(height), pixelSha256, fileSha256, PerceptualHash.hex(phash));
    }

    static Candidate fromTsv(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 14) throw new IllegalArgumentException("bad candidate line (" + f.length + " fields): " + line);
        return new Candidate(f[0], f[1], f[2], f[3], f[4], f[5], Kind.parse(f[6]), Integer.parseInt(f[7]),
                Integer.parseInt(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]), f[11], f[12],
                PerceptualHash.parseHex(f[13]));
    }

    static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
