package org.colorize.spark;

import java.io.Serializable;
import org.colorize.CommandLineArgs;
import org.colorize.pipeline.BoxChoice;
import org.colorize.pipeline.ColorizeOptions;

/**
 * The job's command line: {@code --input URI --output URI [--model NAME|URI] [--partitions N]
 * [--truth URI] [--chunk N] [--instances auto|particles|boxes=URI|none] [--device auto|cpu|gpu]
 * [--upsample …] [--temperature …]}. Shipped to the executors with each task.
 *
 * @param input      a folder of images, or a manifest: a .csv (a {@code path} column, or the first
 *                   column) or .parquet file ({@code path} column) of image URIs
 * @param output     the job's folder: {@code images/} and the Parquet table {@code table/}
 * @param model      a model name (found as the command line finds it), a local folder, or a URI on
 *                   any Hadoop file system (copied once per executor); blank: the default model
 * @param partitions tasks per chunk; 0: Spark's default parallelism
 * @param truth      a folder of color originals with the inputs' file names, for metrics; or null
 * @param chunk      inputs per Spark job: the table grows by one commit per chunk, so a killed run
 *                   loses at most one chunk's rows; 0: {@value #CHUNK_PER_PARTITION} per partition
 * @param instances  where an instance-aware model's boxes come from ({@link BoxChoice}; a CSV on
 *                   any Hadoop file system); null: the detector for such a model, none asked for
 *                   otherwise
 */
record JobOptions(String input, String output, String model, int partitions, String truth, int chunk, String instances,
        String device, String upsample, String temperature) implements Serializable {
    /**
     * Default inputs per chunk and partition: a chunk of 2-MP images is then about 10 s of a
     * core's work, against well under a second for its job and its commit.
     */
    static final int CHUNK_PER_PARTITION = 50;

    static final String USAGE = "usage: spark-submit [spark options] colorize-spark.jar --input URI --output URI"
            + " [--model NAME|URI] [--partitions N] [--truth URI] [--chunk N] [--instances " + BoxChoice.VALUES.replace("FILE", "URI") + "]"
            + " [--device auto|cpu|gpu]"
            + " [--upsample bilinear|guided] [--temperature T|default]";

    static JobOptions parse(String... args) {
        CommandLineArgs a = CommandLineArgs.spec()
                .values("input", "output", "model", "partitions", "truth", "chunk", "instances", "device", "upsample", "temperature")
                .noPositionals().parse(args);
        if (!a.has("input")) throw new IllegalArgumentException("--input is missing");
        if (!a.has("output")) throw new IllegalArgumentException("--output is missing");
        int partitions = a.intValue("partitions", 0);
        int chunk = a.intValue("chunk", 0);
        if (partitions < 0 || chunk < 0) throw new IllegalArgumentException("--partitions and --chunk must not be negative");
        JobOptions o = new JobOptions(a.value("input", null), strip(a.value("output", null)), a.value("model", ""), partitions,
                a.has("truth") ? a.value("truth", null) : null, chunk, a.value("instances", null), a.value("device", "auto"), a.value("upsample", "bilinear"),
                a.value("temperature", ColorizeOptions.DEFAULT));
        o.colorizeOptions(); // bad values fail here, on the driver
        try {
            BoxChoice.check(o.instances(), "--instances");
        } catch (org.colorize.ColorizeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return o;
    }

    private static String strip(String uri) {
        return uri.endsWith("/") && uri.length() > 1 ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The colorization options; the model is named by what the executor loaded. */
    ColorizeOptions colorizeOptions() {
        return ColorizeOptions.fromMap(java.util.Map.of(ColorizeOptions.DEVICE, device, ColorizeOptions.UPSAMPLE, upsample,
                ColorizeOptions.TEMPERATURE, temperature));
    }

    String imagesDir() {
        return output + "/images";
    }

    String tableDir() {
        return output + "/table";
    }
}
