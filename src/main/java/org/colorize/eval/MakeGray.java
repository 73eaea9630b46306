package org.colorize.eval;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.Colorize;
import org.colorize.ColorizeException;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageFolder;
import org.colorize.io.RasterPng;
import org.colorize.pipeline.ProgressListener;

/**
 * Gray inputs from color images, so that any colorizer can be measured on a user's own photos:
 * each pixel becomes the 8-bit gray {@code g = round(255 · Lab.grayOfLightness(L))} of its CIE
 * lightness L, i.e. the image's L channel with its chroma removed ({@code Lab.lightnessOfGray(g/255)}
 * is within half a gray level of L: at most ≈ 0.2 L units). Colorizing such a file and comparing
 * it with the color original is what {@link Evaluator} does with a model baseline.
 *
 * <p>Files are written as {@code OUTDIR/<base name>.png} (one-band 8-bit gray PNG, its origin in
 * the {@code Description} text) atomically through {@link RasterPng}; an existing file is never
 * replaced.
 */
public final class MakeGray {
    private MakeGray() {
    }

    /**
     * What a run did: the files written, and one message per input that failed (the input was
     * unreadable or not RGB, or its output file existed already).
     */
    public record Result(List<Path> written, List<String> errors) {
        public Result {
            written = List.copyOf(written);
            errors = List.copyOf(errors);
        }
    }

    /**
     * The gray version of packed RGB pixels (alpha ignored).
     *
     * @return one byte per pixel, {@code round(255 · Lab.grayOfLightness(L))}
     */
    public static byte[] lightnessGray(int[] argb) {
        float[] l = new float[argb.length];
        EvalImages.lab(argb, l, new float[argb.length], new float[argb.length]);
        return lightnessGray(l);
    }

    static byte[] lightnessGray(float[] l) {
        byte[] gray = new byte[l.length];
        for (int i = 0; i < l.length; i++) gray[i] = (byte) EvalImages.grayOfLightness(l[i]);
        return gray;
    }

    /** The note on a gray input's origin that travels with it (PNG Description, ImageJ's Info). */
    static String info(String source) {
        return "Gray input made by " + Colorize.NAME + " " + Colorize.VERSION + " (make-gray) from " + source
                + ": every pixel is the 8-bit sRGB gray with the CIE lightness L* of the source pixel;"
                + " its chroma is removed.\n";
    }

    /**
     * Writes the gray version of every image in {@code input} (a folder, or one file) to
     * {@code outDir/<base name>.png}. Inputs that fail are reported and skipped; the others are
     * still written.
     *
     * @throws ColorizeException for problems that stop the whole run: the input is missing or holds
     *                           no image, two inputs share a base name, the output folder cannot be made
     */
    public static Result run(Path input, Path outDir, ProgressListener progress) throws ColorizeException {
        List<Path> files;
        if (Files.isDirectory(input)) {
            Map<String, Path> byName = ImageFolder.list(input, "color");
            files = new ArrayList<>(byName.values());
        } else if (Files.isRegularFile(input)) {
            files = List.of(input);
        } else {
            throw new ColorizeException("Color input " + input + " does not exist.");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new ColorizeException("Cannot create output folder " + outDir + ": " + e.getMessage(), e);
        }
        List<Path> written = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String base = ImageFolder.baseName(file);
            Path target = outDir.resolve(base + ".png");
            progress.progress("[" + (i + 1) + "/" + files.size() + "] " + file.getFileName(), (double) i / files.size());
            try {
                if (Files.exists(target)) {
                    throw new ColorizeException("Output " + target + " already exists; it is left as it is"
                            + " (make-gray never replaces files: choose an empty output folder).");
                }
                DecodedImage image = EvalImages.read(file, "Color image " + file);
                byte[] gray = lightnessGray(EvalImages.rgbPixels(image, "Color image " + file, false));
                write(gray, image.width(), image.height(), file.toString(), target);
                written.add(target);
            } catch (ColorizeException e) {
                errors.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        progress.progress("done", 1);
        return new Result(written, errors);
    }

    private static void write(byte[] gray, int width, int height, String source, Path target) throws ColorizeException {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Description", info(source));
        text.put("Software", Colorize.NAME + " " + Colorize.VERSION);
        try {
            RasterPng.writeGray(gray, width, height, text, target, false);
        } catch (FileAlreadyExistsException e) {
            throw new ColorizeException("Output " + target + " appeared while writing; it is left as it is.", e);
        } catch (IOException e) {
            throw new ColorizeException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
