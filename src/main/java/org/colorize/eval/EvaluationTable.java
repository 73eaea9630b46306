package org.colorize.eval;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.colorize.files.AtomicFiles;

/**
 * Per-image scores of one or more methods, their means, written as CSV or as aligned text.
 *
 * <p>CSV layout (UTF-8, {@code \n} line ends, RFC 4180 quoting of a text field when it contains a
 * comma, quote or line break):
 * <ul>
 * <li>the header {@value #HEADER};</li>
 * <li>one line per image and method, in insertion order ({@link Evaluator} adds, per image, the
 *     {@code pred} row, then the baselines in the order they were asked for);</li>
 * <li>last, one line per method named {@value #MEAN_NAME} holding that method's column means, in
 *     the order the methods first appear.</li>
 * </ul>
 * Columns: {@code image} (the image's base name), {@code psnr} (dB), {@code ssim}, {@code auc},
 * {@code cf_pred}, {@code cf_truth}, {@code delta_cf} (see {@link ImageScores}) and {@code method}:
 * {@code pred} (the predictions that were given), {@code gray} (the truth's L with a = b = 0) or
 * {@code model:NAME} (a model baseline). The first seven columns are those of the first version of
 * this format, which had no {@code method} column ({@link #LEGACY_HEADER}); {@link #readCsv} reads
 * both, taking {@code pred} for the method of the old one. Numbers are written with
 * {@link Double#toString} (shortest text that reads back to the same double; locale-independent)
 * except infinities and NaN, written {@code inf}, {@code -inf}, {@code nan} so that Python's
 * {@code float()} and pandas read them. With pandas, {@code df[df.image != "mean"]} are the
 * per-image rows and {@code df.groupby("method")} compares the methods.
 *
 * <p>A mean row is the plain arithmetic mean of every column over that method's rows, so one pair
 * of identical images makes the mean PSNR +∞; report such pairs separately if that matters.
 */
public final class EvaluationTable {

    /** Stable CSV header; the column names and their order are part of the file format. */
    public static final String HEADER = "image,psnr,ssim,auc,cf_pred,cf_truth,delta_cf,method";
    /** Header of the first version of the format (no method column; every row is {@code pred}). */
    public static final String LEGACY_HEADER = "image,psnr,ssim,auc,cf_pred,cf_truth,delta_cf";
    /** Name of the mean rows written last. */
    public static final String MEAN_NAME = "mean";

    private final List<ImageScores> rows = new ArrayList<>();

    /** Appends one image's scores. */
    public void add(ImageScores s) {
        rows.add(Objects.requireNonNull(s, "scores"));
    }

    /** The rows in insertion order (read-only view, without the mean rows). */
    public List<ImageScores> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The rows of one method, in insertion order. */
    public List<ImageScores> rows(String method) {
        List<ImageScores> out = new ArrayList<>();
        for (ImageScores r : rows) {
            if (r.method().equals(method)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The methods in the order they first appear. */
    public List<String> methods() {
        Set<String> methods = new LinkedHashSet<>();
        for (ImageScores r : rows) {
            methods.add(r.method());
        }
        return new ArrayList<>(methods);
    }

    /**
     * Column means of the only method in the table, named {@value #MEAN_NAME}.
     *
     * @throws IllegalStateException if the table has no rows, or rows of several methods (use
     *                               {@link #mean(String)} or {@link #means()} then)
     */
    public ImageScores mean() {
        List<String> methods = methods();
        if (methods.isEmpty()) {
            throw new IllegalStateException("evaluation table is empty: no mean to compute");
        }
        if (methods.size() > 1) {
            throw new IllegalStateException("evaluation table holds " + methods.size() + " methods " + methods
                    + ": ask for the mean of one of them");
        }
        return mean(methods.get(0));
    }

    /**
     * Column means of one method's rows, named {@value #MEAN_NAME}.
     *
     * @throws IllegalArgumentException if the table has no row of that method
     */
    public ImageScores mean(String method) {
        List<ImageScores> of = rows(method);
        if (of.isEmpty()) {
            throw new IllegalArgumentException("evaluation table has no rows of method '" + method + "'; it has "
                    + methods());
        }
        double[] s = new double[6];
        for (ImageScores r : of) {
            s[0] += r.psnr();
            s[1] += r.ssim();
            s[2] += r.auc();
            s[3] += r.colorfulnessPred();
            s[4] += r.colorfulnessTruth();
            s[5] += r.deltaColorfulness();
        }
        int n = of.size();
        return new ImageScores(MEAN_NAME, s[0] / n, s[1] / n, s[2] / n, s[3] / n, s[4] / n, s[5] / n, method);
    }

    /**
     * One mean row per method, in the order the methods first appear.
     *
     * @throws IllegalStateException if the table has no rows
     */
    public List<ImageScores> means() {
        List<String> methods = methods();
        if (methods.isEmpty()) {
            throw new IllegalStateException("evaluation table is empty: no mean to compute");
        }
        List<ImageScores> out = new ArrayList<>();
        for (String m : methods) {
            out.add(mean(m));
        }
        return out;
    }

    /**
     * Writes the table (header, rows, mean rows), replacing {@code file} if it exists.
     *
     * @see #writeCsv(Path, boolean)
     */
    public void writeCsv(Path file) throws IOException {
        writeCsv(file, true);
    }

    /**
     * Writes the table (header, rows, mean rows) atomically through {@link AtomicFiles}: readers
     * never see a half-written file, and without {@code overwrite} an existing file is never
     * replaced, not even one that appears while writing. Missing parent folders are created.
     *
     * @throws IllegalStateException      if the table has no rows
     * @throws FileAlreadyExistsException if {@code file} exists and {@code overwrite} is false
     * @throws IOException                if writing fails (the temporary file is then removed)
     */
    public void writeCsv(Path file, boolean overwrite) throws IOException {
        List<ImageScores> means = means();
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, overwrite, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                w.write(HEADER);
                w.write('\n');
                for (ImageScores r : rows) {
                    writeRow(w, r);
                }
                for (ImageScores m : means) {
                    writeRow(w, m);
                }
            }
        });
    }

    /**
     * Reads a file written by {@link #writeCsv} (this format or the legacy one without the method
     * column). The trailing mean rows (one per method, named {@value #MEAN_NAME}) are dropped;
     * {@link #means()} recomputes them.
     *
     * @throws IOException if the file cannot be read or is not in this format (the message
     *                     names the line)
     */
    public static EvaluationTable readCsv(Path file) throws IOException {
        List<List<String>> records;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = parse(r, file);
        }
        String header = records.isEmpty() ? "" : String.join(",", records.get(0));
        boolean legacy = LEGACY_HEADER.equals(header);
        if (!legacy && !HEADER.equals(header)) {
            throw new IOException(file + ": line 1 must be the header '" + HEADER + "'");
        }
        int fields = legacy ? 7 : 8;
        List<ImageScores> all = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() != fields) {
                throw new IOException(file + ": record " + (i + 1) + " has " + f.size() + " fields, expected " + fields);
            }
            try {
                all.add(new ImageScores(f.get(0), number(f.get(1)), number(f.get(2)), number(f.get(3)),
                        number(f.get(4)), number(f.get(5)), number(f.get(6)), legacy ? ImageScores.PRED : f.get(7)));
            } catch (IllegalArgumentException e) { // NumberFormatException, empty method
                throw new IOException(file + ": record " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        // The writer ends with exactly one mean row per method; drop that tail when it is there.
        Set<String> methods = new LinkedHashSet<>();
        for (ImageScores s : all) {
            methods.add(s.method());
        }
        int k = methods.size();
        if (k > 0 && all.size() >= k) {
            Set<String> tail = new LinkedHashSet<>();
            boolean allMean = true;
            for (ImageScores s : all.subList(all.size() - k, all.size())) {
                allMean &= MEAN_NAME.equals(s.name());
                tail.add(s.method());
            }
            if (allMean && tail.equals(methods)) {
                all = all.subList(0, all.size() - k);
            }
        }
        EvaluationTable table = new EvaluationTable();
        all.forEach(table::add);
        return table;
    }

    /**
     * The table as aligned plain text for a terminal or a log: a header line, the rows, a rule
     * and the mean rows. PSNR with 2 decimals, SSIM and AuC with 4, colourfulness with 2.
     *
     * @throws IllegalStateException if the table has no rows
     */
    public String toText() {
        List<ImageScores> means = means();
        String[] head = {"image", "method", "psnr", "ssim", "auc", "cf_pred", "cf_truth", "delta_cf"};
        List<String[]> lines = new ArrayList<>();
        for (ImageScores r : rows) {
            lines.add(textCells(r));
        }
        List<String[]> meanLines = new ArrayList<>();
        for (ImageScores m : means) {
            meanLines.add(textCells(m));
        }
        int[] width = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            width[c] = head[c].length();
        }
        for (List<String[]> block : List.of(lines, meanLines)) {
            for (String[] cells : block) {
                for (int c = 0; c < cells.length; c++) {
                    width[c] = Math.max(width[c], cells[c].length());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        appendText(sb, head, width);
        for (String[] cells : lines) {
            appendText(sb, cells, width);
        }
        int total = 2 * (head.length - 1);
        for (int w : width) {
            total += w;
        }
        sb.append("-".repeat(total)).append('\n');
        for (String[] cells : meanLines) {
            appendText(sb, cells, width);
        }
        return sb.toString();
    }

    private static String[] textCells(ImageScores r) {
        return new String[] {oneLine(r.name()), r.method(), fixed(r.psnr(), 2), fixed(r.ssim(), 4), fixed(r.auc(), 4),
            fixed(r.colorfulnessPred(), 2), fixed(r.colorfulnessTruth(), 2), fixed(r.deltaColorfulness(), 2)};
    }

    private static void appendText(StringBuilder sb, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            if (c < 2) { // text columns left-aligned, numbers right-aligned
                sb.append(cells[c]).append(pad);
            } else {
                sb.append(pad).append(cells[c]);
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code %.Nf} in the root locale; {@code inf}, {@code -inf}, {@code nan} as in the CSV. */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return format(v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void writeRow(BufferedWriter w, ImageScores r) throws IOException {
        w.write(quote(r.name()));
        for (double v : new double[] {r.psnr(), r.ssim(), r.auc(), r.colorfulnessPred(), r.colorfulnessTruth(),
                r.deltaColorfulness()}) {
            w.write(',');
            w.write(format(v));
        }
        w.write(',');
        w.write(quote(r.method()));
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
