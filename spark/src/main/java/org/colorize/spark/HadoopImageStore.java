package org.colorize.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.colorize.ColorizeException;
import org.colorize.color.RgbRaster;
import org.colorize.eval.Colorfulness;
import org.colorize.files.AtomicFiles;
import org.colorize.eval.Psnr;
import org.colorize.eval.Ssim;
import org.colorize.image.SourceImage;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.io.PngEncoder;
import org.colorize.pipeline.ArgbPixels;
import org.colorize.pipeline.Colorization;
import org.colorize.pipeline.ImageStore;

/**
 * Images on any Hadoop file system (local, HDFS, S3 through the cluster's connector): inputs read
 * whole and decoded by ImageIO, results written as {@code OUT/<base>.png} under a hidden
 * temporary name first and renamed into place, so a killed task leaves no partial output (only a
 * hidden {@code .part} file, which the next run deletes). With a truth folder, the written result
 * is scored against the truth image of the same file name.
 */
final class HadoopImageStore implements ImageStore<String> {
    /** The scores of a result against its truth image. */
    record Scores(double psnr, double ssim, double deltaColorfulness) {
    }

    private final Configuration conf;
    private final Path outputDir;
    private final Path truthDir;
    private final Map<String, Scores> scores = new ConcurrentHashMap<>();

    HadoopImageStore(Configuration conf, String outputDir, String truthDir) {
        this.conf = conf;
        this.outputDir = new Path(outputDir);
        this.truthDir = truthDir == null ? null : new Path(truthDir);
    }

    /** The output of an input: its base name (file name without its last extension) + .png. */
    static String outputName(String input) {
        String name = new Path(input).getName();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".png";
    }

    @Override
    public String describe(String input) {
        return input;
    }

    @Override
    public SourceImage read(String input) throws ColorizeException {
        Path path = new Path(input);
        return DecodedSources.of(decode(path), path.getName(), input);
    }

    private DecodedImage decode(Path path) throws ColorizeException {
        byte[] bytes;
        try {
            bytes = readAll(path);
        } catch (IOException e) {
            throw new ColorizeException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return ImageDecoder.read(bytes, path.getName());
        } catch (IOException e) {
            throw new ColorizeException("not an image the job can read (" + e.getMessage() + ")", e);
        }
    }

    private byte[] readAll(Path path) throws IOException {
        FileSystem fs = withoutChecksums(path.getFileSystem(conf)); // inputs have no .crc files to check
        long length = fs.getFileStatus(path).getLen();
        if (length > Integer.MAX_VALUE - 16) throw new IOException("larger than 2 GB");
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    @Override
    public String write(String input, Colorization colorization) throws ColorizeException {
        int[] argb = ArgbPixels.of(colorization);
        if (argb == null) throw new ColorizeException("the result is not one 8-bit RGB plane, which the job writes as PNG");
        int w = (int) colorization.image().dimension(0);
        int h = (int) colorization.image().dimension(1);
        Path target = new Path(outputDir, outputName(input));
        try {
            FileSystem fs = withoutChecksums(target.getFileSystem(conf));
            // A rerun after a kill may find the output of a task whose row was never committed: same input, same pixels.
            if (fs instanceof RawLocalFileSystem local) {
                // Hadoop's local file system runs a chmod process for every file it creates (without
                // its native library, as here): a fork per image, so local outputs are written directly.
                AtomicFiles.write(local.pathToFile(target).toPath(), true,
                        temp -> writePng(argb, w, h, colorization, java.nio.file.Files.newOutputStream(temp)));
            } else {
                Path temp = new Path(outputDir, AtomicFiles.temporaryName(target.getName()));
                try {
                    writePng(argb, w, h, colorization, fs.create(temp, false));
                    if (fs.exists(target)) fs.delete(target, false);
                    if (!fs.rename(temp, target)) throw new IOException("cannot rename " + temp + " to " + target);
                } finally {
                    if (fs.exists(temp)) fs.delete(temp, false);
                }
            }
        } catch (IOException e) {
            throw new ColorizeException("cannot write " + target + ": " + e.getMessage(), e);
        }
        if (truthDir != null) {
            try {
                score(input, argb, w, h);
            } catch (ColorizeException e) {
                // No readable truth of that size: the row has no scores, the output stays.
            }
        }
        return target.toString();
    }

    private static void writePng(int[] argb, int w, int h, Colorization colorization, OutputStream stream) throws IOException {
        try (OutputStream out = stream) {
            PngEncoder.writeRgb(argb, w, h, ArgbPixels.pngText(colorization), out);
        }
    }

    /** The local file system without its hidden .crc files beside every image (other file systems as they are). */
    static FileSystem withoutChecksums(FileSystem fs) {
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    private void score(String input, int[] pred, int w, int h) throws ColorizeException {
        DecodedImage truth = decode(new Path(truthDir, new Path(input).getName()));
        RgbRaster t = truth.raster();
        if (t == null || t.width() != w || t.height() != h) {
            throw new ColorizeException("truth image of " + new Path(input).getName() + " is not an 8-bit " + w + "x" + h + " image");
        }
        scores.put(input, new Scores(Psnr.rgb(pred, t.argb()), Ssim.rgb(pred, t.argb(), w, h), Colorfulness.delta(pred, t.argb())));
    }

    /** The scores of a written input, or null without a truth folder. */
    Scores scores(String input) {
        return scores.get(input);
    }
}
