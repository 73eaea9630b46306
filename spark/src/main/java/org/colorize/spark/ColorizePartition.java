package org.colorize.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ImageJob;
import org.colorize.pipeline.ImageOutcome;
import org.colorize.pipeline.OverlappedBatch;
import org.colorize.pipeline.ProgressListener;
import org.colorize.runtime.CancelToken;

/**
 * One task: its inputs through the command line's per-image function ({@link ImageJob}, stages
 * overlapped by {@link OverlappedBatch}) with the executor's model, one table row per input.
 * A killed task (Spark's interrupt) stops after the image in hand; what it wrote is complete.
 */
final class ColorizePartition implements FlatMapFunction<Iterator<String>, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    /** Per task: one decoder, one encoder, two images waiting between stages. */
    static final OverlappedBatch.Settings STAGES = new OverlappedBatch.Settings(1, 1, 2);

    private final JobOptions options;
    private final byte[] hadoopConf;
    private final String run;

    ColorizePartition(JobOptions options, Configuration conf, String run) {
        this.options = options;
        this.hadoopConf = write(conf);
        this.run = run;
    }

    @Override
    public Iterator<Row> call(Iterator<String> inputs) throws ColorizeException {
        List<String> list = new ArrayList<>();
        inputs.forEachRemaining(list::add);
        if (list.isEmpty()) return List.<Row>of().iterator();
        TaskContext task = TaskContext.get();
        int cpus = task == null ? 1 : Math.max(1, task.cpus());
        CancelToken killed = task == null ? CancelToken.NEVER : task::isInterrupted;
        Configuration conf = read(hadoopConf);
        ColorizeOptions base = options.colorizeOptions();
        ExecutorModel.Loaded model = ExecutorModel.get(options.model(), options.instances(), base.device(), cpus, conf);
        ColorizeOptions colorize = base.withModel(model.folder());
        String parameters = colorize.withModel(model.name()).toMacroString();
        HadoopImageStore store = new HadoopImageStore(conf, options.imagesDir(), options.truth());
        ColorizeContext context = ColorizeContext.of(ProgressListener.NONE, killed).withThreads(ForkJoinPool.commonPool(), cpus);
        ImageJob<String> job = new ImageJob<>(model.colorizer(), colorize, store, in -> context);
        List<ImageOutcome> outcomes = OverlappedBatch.run(list, job, killed, STAGES, o -> { });
        List<Row> rows = new ArrayList<>(outcomes.size());
        for (ImageOutcome o : outcomes) {
            // A canceled image has no row: the task is being killed and its rows are never committed.
            if (o.status() == ImageOutcome.Status.CANCELED || o.status() == ImageOutcome.Status.NOT_STARTED) continue;
            rows.add(ResultTable.row(o, model, parameters, store.scores(o.input()), run));
        }
        return rows.iterator();
    }

    private static byte[] write(Configuration conf) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                conf.write(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration read(byte[] bytes) {
        Configuration conf = new Configuration(false);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            conf.readFields(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conf;
    }
}
