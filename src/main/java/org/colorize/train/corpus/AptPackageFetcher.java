package org.colorize.train.corpus;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** {@link PackageFetcher} on the system's apt: {@code apt-cache policy}, {@code apt-get download}, {@code dpkg-deb}. */
public final class AptPackageFetcher implements PackageFetcher {
    private static final long DOWNLOAD_TIMEOUT_MIN = 30;

    @Override
    public void checkTools() throws FetchException {
        List<String> missing = new ArrayList<>();
        for (String tool : new String[] {"apt-get", "apt-cache", "dpkg-deb"}) if (which(tool) == null) missing.add(tool);
        if (!missing.isEmpty()) {
            throw new FetchException(String.join(", ", missing) + " not found on PATH: the corpus is assembled from Debian"
                    + " packages and needs apt (apt-get, apt-cache) and dpkg-deb. Run it on Debian or Ubuntu, or copy a"
                    + " finished corpus folder here.");
        }
    }

    @Override
    public String candidateVersion(String pkg) throws FetchException {
        Result r = run(null, 120, "apt-cache", "policy", pkg);
        if (r.code != 0) throw new FetchException("apt-cache policy " + pkg + " failed: " + tail(r.output));
        for (String line : r.output.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Candidate:")) {
                String v = t.substring("Candidate:".length()).trim();
                return v.isEmpty() || v.equals("(none)") ? null : v;
            }
        }
        return null;
    }

    @Override
    public Path download(String pkg, String version, Path cacheDir) throws FetchException {
        try {
            Files.createDirectories(cacheDir);
            Path cached = cached(pkg, version, cacheDir);
            if (cached != null) return cached;
            if (version == null) throw new FetchException(pkg + ": apt knows no such package and no .deb is cached in " + cacheDir);
            Result r = run(cacheDir, DOWNLOAD_TIMEOUT_MIN * 60, "apt-get", "download", pkg + "=" + version);
            Path deb = cached(pkg, version, cacheDir);
            if (r.code != 0 || deb == null) {
                String said = tail(r.output);
                String lower = said.toLowerCase(Locale.ROOT);
                boolean network = lower.contains("temporary failure") || lower.contains("could not resolve")
                        || lower.contains("failed to fetch") || lower.contains("network is unreachable")
                        || lower.contains("connection timed out") || lower.contains("could not connect");
                throw new FetchException("could not download " + pkg + " " + version
                        + (network ? " — no network or no reachable apt mirror? " : ": ") + "apt-get said: " + said);
            }
            return deb;
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException("cannot use the package cache " + cacheDir + ": " + e.getMessage());
        }
    }

    /** {@code PKG_VERSION_ARCH.deb} as apt-get names it (':' of an epoch written as %3a). */
    private static Path cached(String pkg, String version, Path dir) throws IOException {
        String prefix = pkg + "_" + (version == null ? "" : version.replace(":", "%3a") + "_");
        Path best = null;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.deb")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix)) continue;
                if (version == null && n.substring(prefix.length()).indexOf('_') < 0) continue;
                if (best == null || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(best)) > 0) best = p;
            }
        }
        return best;
    }

    @Override
    public String debVersion(Path deb) throws FetchException {
        Result r = run(null, 120, "dpkg-deb", "-f", deb.toString(), "Version");
        if (r.code != 0) {
            throw new FetchException(deb.getFileName() + " is not a readable .deb (interrupted download? delete it and re-run): "
                    + tail(r.output));
        }
        return r.output.trim();
    }

    @Override
    public void extract(Path deb, Path dir) throws FetchException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FetchException("cannot create " + dir + ": " + e.getMessage());
        }
        Result r = run(null, 30 * 60, "dpkg-deb", "-x", deb.toString(), dir.toString());
        if (r.code != 0) throw new FetchException("dpkg-deb -x " + deb.getFileName() + " failed: " + tail(r.output));
    }

    private record Result(int code, String output) {
    }

    private static Result run(Path dir, long timeoutSeconds, String... command) throws FetchException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) pb.directory(dir.toFile());
        pb.environment().put("LC_ALL", "C");
        try {
            Process p = pb.start();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getInputStream()) {
                    out[0] = in.readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new FetchException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            reader.join();
            return new Result(p.exitValue(), new String(out[0] == null ? new byte[0] : out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FetchException("cannot run " + command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(String.join(" ", command) + " interrupted");
        }
    }

    private static String tail(String output) {
        String[] lines = output.strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            if (lines[i].contains("unsandboxed as root")) continue;
            if (sb.length() > 0) sb.append(" | ");
            sb.append(lines[i].strip());
        }
        return sb.length() == 0 ? "(no output)" : sb.toString();
    }

    static Path which(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Paths.get(dir, tool);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
        }
        return null;
    }
}
