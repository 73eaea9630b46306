package org.colorize.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.files.AtomicFiles;

/**
 * {@code log.csv} in the checkpoint folder: one row per step (step, wall time, learning rate, total
 * loss, its EMA, images/s, the validation columns on validation steps), then a column per named
 * loss of the recipe and its validation value ({@code smooth_l1,val_smooth_l1}). A resumed run
 * first drops the rows past its checkpoint, so the file always describes one consistent history;
 * rows of a log written before the named columns are kept, their named columns left empty.
 */
final class TrainingLog implements AutoCloseable {
    /** The columns every log starts with. */
    static final String HEADER = "step,wall_s,lr,loss,loss_ema,img_per_s,val_loss,val_psnr,gray_psnr";
    private static final int FIXED_COLUMNS = HEADER.split(",").length;
    private final BufferedWriter out;
    private final List<String> named;

    /** One step's row. */
    record Row(long step, double wall, double lr, LossValues losses, LossValues smoothed, double imagesPerSecond,
            Validation validation) {
    }

    private TrainingLog(BufferedWriter out, List<String> named) {
        this.out = out;
        this.named = named;
    }

    /** The loss names that get their own columns: all but the total, which has the fixed ones. */
    private static List<String> named(List<String> lossNames) {
        return lossNames.stream().filter(n -> !n.equals(LossValues.TOTAL)).toList();
    }

    /** The header line of a log for a recipe reporting {@code lossNames}. */
    static String header(List<String> lossNames) {
        StringBuilder h = new StringBuilder(HEADER);
        for (String n : named(lossNames)) h.append(',').append(n).append(",val_").append(n);
        return h.toString();
    }

    /**
     * Opens the log of {@code folder}, keeping the rows of steps up to {@code keepUpTo} (0: a new
     * log), with the columns of {@code lossNames}.
     */
    static TrainingLog open(Path folder, long keepUpTo, List<String> lossNames) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(Checkpoints.LOG);
        List<String> named = named(lossNames);
        int columns = FIXED_COLUMNS + 2 * named.size();
        List<String> kept = new ArrayList<>();
        kept.add(header(lossNames));
        if (keepUpTo > 0 && Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] cols = line.split(",", -1);
                if (cols.length != columns && cols.length != FIXED_COLUMNS) continue; // header, or a line cut by a crash
                try {
                    if (Long.parseLong(cols[0]) <= keepUpTo) kept.add(line + ",".repeat(columns - cols.length));
                } catch (NumberFormatException e) {
                    // not a row
                }
            }
        }
        AtomicFiles.write(file, true, tmp -> Files.write(tmp, kept, StandardCharsets.UTF_8));
        return new TrainingLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND), named);
    }

    void step(Row r) throws IOException {
        Validation v = r.validation();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d,%.1f,%.4g,%.6g,%.6g,%.2f,%s,%s,%s", r.step(),
                r.wall(), r.lr(), r.losses().total(), r.smoothed().total(), r.imagesPerSecond(),
                v == null ? "" : number(v.loss()),
                v == null ? "" : String.format(Locale.ROOT, "%.3f", v.psnr()),
                v == null ? "" : String.format(Locale.ROOT, "%.3f", v.grayPsnr())));
        for (String n : named) {
            line.append(',').append(number(r.losses().get(n))).append(',').append(v == null ? "" : number(v.losses().get(n)));
        }
        out.write(line.append(System.lineSeparator()).toString());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
