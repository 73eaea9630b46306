package org.colorize.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import net.imglib2.img.array.ArrayImgs;
import org.apache.hadoop.conf.Configuration;
import org.colorize.ColorizeException;
import org.colorize.files.AtomicFiles;
import org.colorize.image.SourceImage;
import org.colorize.io.ImageDecoder;
import org.colorize.io.PngEncoder;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;

/**
 * What the driver does on a second core while Spark starts (about 5 s on 2 cores, mostly one
 * thread loading classes): loads the job's model and colorizes a small image with it once
 * (TensorFlow's first run of a session costs far more than the next), encodes and decodes a PNG,
 * and writes an empty table file: the first images and the first commit (which runs beside the
 * next chunk's tasks) then do not pay for class loading and first runs. In local mode the tasks
 * share the driver's JVM and find all of it warm; on a cluster it is the driver's early check of
 * the model. Only a model on the local file system (a remote one needs the session's Hadoop
 * settings). Any failure is left for the job's own load to report.
 */
final class DriverWarmUp {
    /** Side of the gray ramp colorized and coded once. */
    private static final int SIDE = 256;

    private DriverWarmUp() {
    }

    static void start(JobOptions options) {
        String model = options.model();
        if (model != null && model.contains(":/") && !model.startsWith("file:")) return;
        Thread t = new Thread(() -> {
            try {
                run(options);
            } catch (ColorizeException | IOException | RuntimeException ignored) {
                // the job's own load reports it
            }
        }, "colorize-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The warm-up itself, on the calling thread (a test checks it runs through: a failure would only be swallowed). */
    static void run(JobOptions options) throws ColorizeException, IOException {
        ColorizeOptions colorize = options.colorizeOptions();
        Configuration conf = new Configuration();
        ExecutorModel.Loaded loaded = ExecutorModel.get(options.model(), options.instances(), colorize.device(), 1, conf);
        byte[] ramp = new byte[SIDE * SIDE];
        int[] argb = new int[SIDE * SIDE];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) (i % SIDE);
            argb[i] = 0xff000000 | (i % SIDE) * 0x010101;
        }
        loaded.colorizer().colorize(SourceImage.of(ArrayImgs.unsignedBytes(ramp, SIDE, SIDE), "warm-up"),
                colorize.withModel(loaded.folder()), ColorizeContext.defaults());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        PngEncoder.writeRgb(argb, SIDE, SIDE, Map.of(), png);
        ImageDecoder.read(png.toByteArray(), "warm-up.png");
        java.nio.file.Path table = Files.createTempDirectory("colorize-warm-up-");
        try {
            TableFile.append(List.of(), ResultTable.SCHEMA, table.toUri().toString(), "empty", conf);
        } finally {
            AtomicFiles.deleteTree(table);
        }
    }
}
