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
 * {@code log.csv} in the checkpoint folder: one row per step (step, wall time, learning rate, loss,
 * loss EMA, images/s) with the validation columns filled on validation steps. A resumed run first
 * drops the rows past its checkpoint, so the file always describes one consistent history.
 */
final class TrainingLog implements AutoCloseable {
    static final String HEADER = "step,wall_s,lr,loss,loss_ema,img_per_s,val_loss,val_psnr,gray_psnr";
    private final BufferedWriter out;

    private TrainingLog(BufferedWriter out) {
        this.out = out;
    }

    /** Opens the log of {@code folder}, keeping the rows of steps up to {@code keepUpTo} (0: a new log). */
    static TrainingLog open(Path folder, long keepUpTo) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(Checkpoints.LOG);
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        if (keepUpTo > 0 && Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] cols = line.split(",", -1);
                if (cols.length != HEADER.split(",").length) continue; // header, or a line cut by a crash
                try {
                    if (Long.parseLong(cols[0]) <= keepUpTo) kept.add(line);
                } catch (NumberFormatException e) {
                    // not a row
                }
            }
        }
        AtomicFiles.write(file, true, tmp -> Files.write(tmp, kept, StandardCharsets.UTF_8));
        return new TrainingLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    void step(long step, double wall, double lr, double loss, double ema, double imagesPerSecond, Validation v) throws IOException {
        out.write(String.format(Locale.ROOT, "%d,%.1f,%.4g,%.6g,%.6g,%.2f,%s,%s,%s%n", step, wall, lr, loss, ema, imagesPerSecond,
                v == null ? "" : String.format(Locale.ROOT, "%.6g", v.loss()),
                v == null ? "" : String.format(Locale.ROOT, "%.3f", v.psnr()),
                v == null ? "" : String.format(Locale.ROOT, "%.3f", v.grayPsnr())));
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
