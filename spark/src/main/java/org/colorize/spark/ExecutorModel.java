package org.colorize.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.colorize.ColorizeException;
import org.colorize.detect.CsvBoxes;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.BoxChoice;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.Colorizers;
import org.colorize.runtime.DeviceChoice;

/**
 * The model of an executor JVM, loaded once and shared by its tasks. A model on a remote file
 * system (hdfs://, s3a://, …) is copied to a local folder first, once; TensorFlow's thread pools
 * are bounded to the task's cores before the first load (TensorFlow reads the bound when a
 * session is created, so the first task's {@code spark.task.cpus} holds for the JVM).
 */
final class ExecutorModel {
    /** DJL's TensorFlow engine reads these when it creates a session. */
    static final String INTRA_OP = "ai.djl.tensorflow.num_intraop_threads";
    static final String INTER_OP = "ai.djl.tensorflow.num_interop_threads";

    /** A loaded model: what colorizes and what its rows name. */
    record Loaded(Colorizer colorizer, String name, String version, String folder) {
    }

    private static final Map<String, Loaded> LOADED = new HashMap<>();
    private static ModelRegistry registry;

    private ExecutorModel() {
    }

    static synchronized Loaded get(String model, String instances, DeviceChoice device, int taskCpus, Configuration conf)
            throws ColorizeException {
        String key = model + "|" + instances + "|" + device.key();
        Loaded loaded = LOADED.get(key);
        if (loaded != null) return loaded;
        if (System.getProperty(INTRA_OP) == null) System.setProperty(INTRA_OP, Integer.toString(Math.max(1, taskCpus)));
        if (System.getProperty(INTER_OP) == null) System.setProperty(INTER_OP, Integer.toString(Math.max(1, taskCpus)));
        if (registry == null) registry = new ModelRegistry(ModelRegistry.standardRoots());
        String local = localFolder(model, conf);
        ModelCard card = registry.card(local);
        Colorizer colorizer = BoxChoice.apply(Colorizers.forCard(card, registry), instances, "--instances", registry,
                location -> csvBoxes(location, conf), note -> { });
        registry.load(local, device);
        loaded = new Loaded(colorizer, card.name(), card.version(), registry.resolve(local).toString());
        LOADED.put(key, loaded);
        return loaded;
    }

    /** A box file on any Hadoop file system (a plain path: the executor's local one). */
    private static CsvBoxes csvBoxes(String location, Configuration conf) throws ColorizeException {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(conf);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
                return CsvBoxes.parse(in.lines().toList(), location);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ColorizeException("Cannot read the box file " + location + ": " + e.getMessage(), e);
        }
    }

    /** A name or local folder as it is; a file: URI as its path; any other URI copied to a local temporary folder. */
    private static String localFolder(String model, Configuration conf) throws ColorizeException {
        if (model == null || model.isBlank() || !model.contains(":/")) return model == null ? "" : model;
        URI uri = URI.create(model);
        if ("file".equals(uri.getScheme())) return uri.getPath();
        try {
            Path remote = new Path(uri);
            FileSystem fs = remote.getFileSystem(conf);
            java.nio.file.Path local = Files.createTempDirectory("colorize-model-").resolve(remote.getName());
            fs.copyToLocalFile(false, remote, new Path(local.toUri()), true);
            return local.toString();
        } catch (IOException | IllegalArgumentException e) {
            throw new ColorizeException("Cannot copy the model " + model + " to this executor: " + e.getMessage(), e);
        }
    }
}
