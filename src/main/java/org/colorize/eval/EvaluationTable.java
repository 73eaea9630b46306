package org.colorize.eval;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Per-image scores plus their mean, written as CSV.
 *
 * <p>CSV layout (UTF-8, {@code \n} line ends, RFC 4180 quoting of the name when it contains a
 * comma, quote or line break): the header {@value #HEADER}, one line per image in insertion
 * order, then a last line named {@value #MEAN_NAME} holding the column means. Numbers are
 * written with {@link Double#toString} (shortest text that reads back to the same double;
 * locale-independent) except infinities and NaN, written {@code inf}, {@code -inf},
 * {@code nan} so that Python's {@code float()} and pandas read them.
 *
 * <p>The mean row is the plain arithmetic mean of every column, so one pair of identical
 * images makes the mean PSNR +∞; report such pairs separately if that matters.
 */
public final class EvaluationTable {

    /** Stable CSV header; the column names are part of the file format. */
    public static final String HEADER = "image,psnr,ssim,auc,cf_pred,cf_truth,delta_cf";
    /** Name of the mean row written last. */
    public static final String MEAN_NAME = "mean";

    private final List<ImageScores> rows = new ArrayList<>();

    /** Appends one image's scores. */
    public void add(ImageScores s) {
        rows.add(Objects.requireNonNull(s, "scores"));
    }

    /** The rows in insertion order (read-only view, without the mean row). */
    public List<ImageScores> rows() {
        return Collections.unmodifiableList(rows);
    }

    /**
     * Column means, named {@value #MEAN_NAME}.
     *
     * @throws IllegalStateException if the table has no rows
     */
    public ImageScores mean() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("evaluation table is empty: no mean to compute");
        }
        double[] s = new double[6];
        for (ImageScores r : rows) {
            s[0] += r.psnr();
            s[1] += r.ssim();
            s[2] += r.auc();
            s[3] += r.colorfulnessPred();
            s[4] += r.colorfulnessTruth();
            s[5] += r.deltaColorfulness();
        }
        int n = rows.size();
        return new ImageScores(MEAN_NAME, s[0] / n, s[1] / n, s[2] / n, s[3] / n, s[4] / n, s[5] / n);
    }

    /**
     * Writes the table (header, rows, mean row) atomically: the text goes to a temporary file
     * in the target's folder, which is then moved over {@code file} with
     * {@link StandardCopyOption#ATOMIC_MOVE}, so readers never see a half-written file. Where
     * the file system cannot move atomically, the temporary file replaces the target with a
     * plain move. Missing parent folders are created.
     *
     * @throws IllegalStateException if the table has no rows
     * @throws IOException           if writing fails (the temporary file is then removed)
     */
    public void writeCsv(Path file) throws IOException {
        ImageScores mean = mean();
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that creates the file with mode 0600, which the move would
        // hand on to the result. CREATE_NEW gives the usual umask permissions.
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                w.write(HEADER);
                w.write('\n');
                for (ImageScores r : rows) {
                    writeRow(w, r);
                }
                writeRow(w, mean);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a file written by {@link #writeCsv}. The last record is taken for the mean row and
     * dropped (it is recomputed by {@link #mean()}) when its name is {@value #MEAN_NAME};
     * {@code writeCsv} always ends with it.
     *
     * @throws IOException if the file cannot be read or is not in this format (the message
     *                     names the line)
     */
    public static EvaluationTable readCsv(Path file) throws IOException {
        List<List<String>> records;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = parse(r, file);
        }
        if (records.isEmpty() || !HEADER.equals(String.join(",", records.get(0)))) {
            throw new IOException(file + ": line 1 must be the header '" + HEADER + "'");
        }
        EvaluationTable table = new EvaluationTable();
        int last = records.size() - 1;
        if (last >= 1 && MEAN_NAME.equals(records.get(last).get(0))) {
            last--;
        }
        for (int i = 1; i <= last; i++) {
            List<String> f = records.get(i);
            if (f.size() != 7) {
                throw new IOException(file + ": record " + (i + 1) + " has " + f.size() + " fields, expected 7");
            }
            try {
                table.add(new ImageScores(f.get(0), number(f.get(1)), number(f.get(2)), number(f.get(3)),
                        number(f.get(4)), number(f.get(5)), number(f.get(6))));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": record " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return table;
    }

    private static void writeRow(BufferedWriter w, ImageScores r) throws IOException {
        w.write(quote(r.name()));
        for (double v : new double[] {r.psnr(), r.ssim(), r.auc(), r.colorfulnessPred(), r.colorfulnessTruth(),
                r.deltaColorfulness()}) {
            w.write(',');
            w.write(format(v));
        }
        w.write('\n');
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }

    static double number(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s.trim());
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(BufferedReader r, Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = r.read()) >= 0) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            r.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                rec.add(field.toString());
                field.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (quoted) {
            throw new IOException(file + ": unterminated quoted field at end of file");
        }
        if (any) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }
}
