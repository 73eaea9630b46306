package org.colorize.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.colorize.color.RgbRaster;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.io.RasterPng;

/**
 * A contact sheet of colorizations: one row per image, one column per folder (e.g. gray input,
 * old model, new model, truth), each picture area-averaged to a common row height, 4-px white
 * gutters. Made by the project for the README:
 * {@code java -cp ... org.colorize.eval.ContactSheet OUT.png HEIGHT name1,name2 DIR1 DIR2 ...}
 * (each DIR holds NAME.png or NAME.jpg for every name).
 */
public final class ContactSheet {
    static final int GUTTER = 4;

    private ContactSheet() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: ContactSheet OUT.png HEIGHT name1,name2,... DIR...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int height = Integer.parseInt(args[1]);
        List<String> names = List.of(args[2].split(","));
        List<Path> dirs = new ArrayList<>();
        for (int i = 3; i < args.length; i++) dirs.add(Path.of(args[i]));
        RasterPng.writeRgb(sheet(names, dirs, height), out, true);
        System.err.println("wrote " + out);
    }

    /** The sheet of {@code names} (rows) over {@code dirs} (columns). */
    static RgbRaster sheet(List<String> names, List<Path> dirs, int height) throws IOException {
        List<List<RgbRaster>> rows = new ArrayList<>();
        int width = 0;
        for (String name : names) {
            List<RgbRaster> row = new ArrayList<>();
            int w = GUTTER;
            for (Path dir : dirs) {
                RgbRaster r = scaled(read(dir, name), height);
                row.add(r);
                w += r.width() + GUTTER;
            }
            width = Math.max(width, w);
            rows.add(row);
        }
        int total = GUTTER + rows.size() * (height + GUTTER);
        int[] argb = new int[width * total];
        java.util.Arrays.fill(argb, 0xffffffff);
        int y0 = GUTTER;
        for (List<RgbRaster> row : rows) {
            int x0 = GUTTER;
            for (RgbRaster r : row) {
                for (int y = 0; y < r.height(); y++) {
                    System.arraycopy(r.argb(), y * r.width(), argb, (y0 + y) * width + x0, r.width());
                }
                x0 += r.width() + GUTTER;
            }
            y0 += height + GUTTER;
        }
        return new RgbRaster(width, total, argb, false);
    }

    private static RgbRaster read(Path dir, String name) throws IOException {
        for (String ext : List.of(".png", ".jpg", ".jpeg", ".tif")) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) {
                DecodedImage d = ImageDecoder.read(p);
                return d.raster();
            }
        }
        throw new IOException("no image " + name + " in " + dir);
    }

    /** Area average to {@code height} rows, the width in proportion. */
    static RgbRaster scaled(RgbRaster r, int height) {
        int w = Math.max(1, (int) Math.round((double) r.width() * height / r.height()));
        int[] out = new int[w * height];
        for (int y = 0; y < height; y++) {
            int ya = y * r.height() / height;
            int yb = Math.max(ya + 1, (y + 1) * r.height() / height);
            for (int x = 0; x < w; x++) {
                int xa = x * r.width() / w;
                int xb = Math.max(xa + 1, (x + 1) * r.width() / w);
                long sr = 0, sg = 0, sb = 0;
                int n = 0;
                for (int yy = ya; yy < yb; yy++) {
                    for (int xx = xa; xx < xb; xx++) {
                        int v = r.argb()[yy * r.width() + xx];
                        sr += v >> 16 & 0xff;
                        sg += v >> 8 & 0xff;
                        sb += v & 0xff;
                        n++;
                    }
                }
                out[y * w + x] = 0xff000000 | (int) (sr / n) << 16 | (int) (sg / n) << 8 | (int) (sb / n);
            }
        }
        return new RgbRaster(w, height, out, false);
    }
}
