package org.colorize.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.colorize.ColorizeException;
import org.colorize.io.ImageFolder;

/**
 * The Spark job: {@code spark-submit … colorize-spark.jar --input URI --output URI [--model
 * NAME|URI] [--partitions N]}. The driver lists the inputs (a folder, or a CSV/Parquet manifest
 * of paths), leaves out those already done (a row in {@code OUT/table} and, for an ok row, its
 * image in {@code OUT/images}), and runs the rest in chunks: each chunk is one Spark job whose
 * tasks colorize their images ({@link ColorizePartition}) and whose rows the driver adds to the
 * table in one commit ({@link TableFile}). Rerunning after a kill redoes only the chunks that were
 * in flight (two at most: the next one is queued while one runs).
 */
public final class ColorizeSparkJob {
    /** Suffix of the hidden temporary name an image has until it is complete. */
    static final String PART = org.colorize.files.AtomicFiles.PART;

    private ColorizeSparkJob() {
    }

    /** What a run did. */
    record Summary(int inputs, int skipped, int written, int failed, double seconds) {
        double imagesPerSecond() {
            return (written + failed) / seconds;
        }
    }

    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("colorize-spark: " + e.getMessage());
            System.err.println(JobOptions.USAGE);
            System.exit(2);
            return;
        }
        DriverWarmUp.start(options); // on a second core while Spark starts
        SparkSession spark = SparkSession.builder().appName("colorize").getOrCreate();
        try {
            run(spark, options, System.out);
        } catch (ColorizeException e) {
            System.err.println("colorize-spark: " + e.getMessage());
            spark.stop();
            System.exit(1);
        }
        spark.stop();
    }

    static Summary run(SparkSession spark, JobOptions options, PrintStream log) throws ColorizeException {
        long start = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> inputs = Inputs.list(spark, options.input());
        String run = UUID.randomUUID().toString();
        // Validate and load the model (and a box file) on the driver: a problem fails the job once, before any task.
        ExecutorModel.get(options.model(), options.instances(), options.colorizeOptions().device(), 1, conf);
        try {
            FileSystem fs = new Path(options.output()).getFileSystem(conf);
            fs.mkdirs(new Path(options.imagesDir()));
            deleteLeftoverParts(fs, new Path(options.imagesDir()));
        } catch (IOException e) {
            throw new ColorizeException("Cannot prepare the output folder " + options.output() + ": " + e.getMessage(), e);
        }
        Set<String> done = done(spark, options, conf);
        List<String> todo = new ArrayList<>();
        List<Row> refused = new ArrayList<>();
        Map<String, String> byOutput = new HashMap<>();
        for (String in : inputs) {
            if (done.contains(in)) continue;
            String other = byOutput.putIfAbsent(HadoopImageStore.outputName(in), in);
            if (other != null) {
                refused.add(ResultTable.refused(in, "same output name as " + other + " (" + HadoopImageStore.outputName(in)
                        + "); colorize it into another output folder", run));
            } else {
                todo.add(in);
            }
        }
        int skipped = inputs.size() - todo.size() - refused.size();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = options.partitions() > 0 ? options.partitions() : jsc.defaultParallelism();
        int chunk = options.chunk() > 0 ? options.chunk() : JobOptions.CHUNK_PER_PARTITION * partitions;
        log.printf(Locale.ROOT, "colorize-spark: %d inputs, %d done before, %d to colorize in chunks of %d over %d partitions%n",
                inputs.size(), skipped, todo.size(), chunk, partitions);
        if (!refused.isEmpty()) append(refused, options, conf, "part-" + run + "-refused");
        ColorizePartition task = new ColorizePartition(options, conf, run);
        int written = 0;
        int failed = refused.size();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += chunk) chunks.add(new ArrayList<>(todo.subList(from, Math.min(todo.size(), from + chunk))));
        // The tasks only colorize; their rows come back to the driver, which commits each chunk as
        // one table file. The next chunk's job is always queued, so its tasks take each core as
        // soon as the current chunk's last tasks leave it, while the driver commits.
        JavaFutureAction<List<Row>> next = chunks.isEmpty() ? null : submit(jsc, chunks.get(0), partitions, task);
        int finished = 0;
        for (int i = 0; i < chunks.size(); i++) {
            JavaFutureAction<List<Row>> current = next;
            next = i + 1 < chunks.size() ? submit(jsc, chunks.get(i + 1), partitions, task) : null;
            List<Row> rows;
            try {
                rows = current.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (next != null) next.cancel(true);
                throw new ColorizeException("Interrupted while chunk " + (i + 1) + " of " + chunks.size() + " ran.", e);
            } catch (ExecutionException e) {
                if (next != null) next.cancel(true);
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new ColorizeException("Chunk " + (i + 1) + " of " + chunks.size() + " failed: " + cause.getMessage(), cause);
            }
            append(rows, options, conf, String.format(Locale.ROOT, "part-%s-%06d", run, i));
            int ok = (int) rows.stream().filter(ResultTable::ok).count();
            written += ok;
            failed += chunks.get(i).size() - ok;
            finished += chunks.get(i).size();
            log.printf(Locale.ROOT, "colorize-spark: %d of %d done (%.1f s)%n", finished, todo.size(), (System.nanoTime() - start) / 1e9);
        }
        Summary s = new Summary(inputs.size(), skipped, written, failed, (System.nanoTime() - start) / 1e9);
        log.printf(Locale.ROOT, "colorize-spark: %d written, %d errors, %d skipped (done before) in %.1f s: %.2f images/s; table %s%n",
                s.written(), s.failed(), s.skipped(), s.seconds(), s.imagesPerSecond(), options.tableDir());
        return s;
    }

    private static JavaFutureAction<List<Row>> submit(JavaSparkContext jsc, List<String> inputs, int partitions, ColorizePartition task) {
        return jsc.parallelize(inputs, Math.min(partitions, inputs.size())).mapPartitions(task).collectAsync();
    }

    /** One commit: the rows become one Parquet file of the table, or none if the write fails. */
    private static void append(List<Row> rows, JobOptions options, Configuration conf, String name) throws ColorizeException {
        try {
            TableFile.append(rows, ResultTable.SCHEMA, options.tableDir(), name, conf);
        } catch (IOException e) {
            throw new ColorizeException("Cannot add " + rows.size() + " rows to the table " + options.tableDir() + ": " + e.getMessage(), e);
        }
    }

    /** Inputs with a row whose work stands: an error row, or an ok row whose image is there. */
    private static Set<String> done(SparkSession spark, JobOptions options, Configuration conf) throws ColorizeException {
        Set<String> done = new HashSet<>();
        try {
            Path table = new Path(options.tableDir());
            FileSystem fs = table.getFileSystem(conf);
            if (!fs.exists(table) || fs.listStatus(table, p -> p.getName().endsWith(".parquet")).length == 0) return done;
            Set<String> images = new HashSet<>();
            for (FileStatus f : fs.listStatus(new Path(options.imagesDir()))) images.add(f.getPath().getName());
            for (Row r : spark.read().parquet(options.tableDir()).select("input", "status", "output").collectAsList()) {
                boolean ok = ResultTable.OK.equals(r.getString(1));
                if (!ok || r.getString(2) != null && images.contains(new Path(r.getString(2)).getName())) done.add(r.getString(0));
            }
        } catch (IOException e) {
            throw new ColorizeException("Cannot read the table " + options.tableDir() + ": " + e.getMessage(), e);
        }
        return done;
    }

    /** Temporary images of a killed earlier run (hidden, ending .part): never complete, safe to delete. */
    private static void deleteLeftoverParts(FileSystem fs, Path dir) throws IOException {
        for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith(".") && p.getName().endsWith(PART))) {
            fs.delete(f.getPath(), false);
        }
    }

    /** The inputs of a run. */
    static final class Inputs {
        private Inputs() {
        }

        /** A folder's images (by extension, hidden files left out), or a manifest's paths; sorted, each once. */
        static List<String> list(SparkSession spark, String input) throws ColorizeException {
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            Path path = new Path(input);
            List<String> found = new ArrayList<>();
            try {
                FileSystem fs = path.getFileSystem(conf);
                FileStatus status = fs.getFileStatus(path);
                String name = path.getName().toLowerCase(Locale.ROOT);
                if (status.isDirectory()) {
                    for (FileStatus f : fs.listStatus(path)) {
                        if (f.isFile() && ImageFolder.looksLikeImage(java.nio.file.Path.of(f.getPath().getName()))) {
                            found.add(f.getPath().toString());
                        }
                    }
                } else if (name.endsWith(".csv") || name.endsWith(".parquet")) {
                    Dataset<Row> manifest = name.endsWith(".csv") ? spark.read().option("header", "true").csv(input)
                            : spark.read().parquet(input);
                    String column = List.of(manifest.columns()).contains("path") ? "path" : manifest.columns()[0];
                    for (Row r : manifest.select(column).collectAsList()) {
                        if (r.isNullAt(0) || r.getString(0).isBlank()) continue;
                        found.add(fs.makeQualified(new Path(r.getString(0).trim())).toString());
                    }
                } else {
                    throw new ColorizeException("Input " + input + " is neither a folder nor a .csv or .parquet manifest of image paths.");
                }
            } catch (java.io.FileNotFoundException e) {
                throw new ColorizeException("Input " + input + " does not exist.", e);
            } catch (IOException e) {
                throw new ColorizeException("Cannot list " + input + ": " + e.getMessage(), e);
            }
            List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(found));
            if (sorted.isEmpty()) throw new ColorizeException("No images in " + input + ".");
            return sorted;
        }
    }
}
