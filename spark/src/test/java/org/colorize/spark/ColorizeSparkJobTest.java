package org.colorize.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.colorize.cli.CommandLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on {@code local[2]} over 50 generated files (44 gray and color PNGs, 3 JPEGs, 3 bad
 * files): every output once, the command line's pixels, error rows, reruns that skip what is done
 * and finish what a killed run left.
 */
class ColorizeSparkJobTest {
    static final Path MODEL = Path.of(System.getProperty("colorize.models", "../models"), "colorize-default").toAbsolutePath();
    static final List<String> BAD = List.of("broken.png", "empty.jpg", "notes.tif");

    @TempDir
    static Path dir;
    static Path in;
    static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        in = Files.createDirectory(dir.resolve("in"));
        Random random = new Random(14);
        for (int i = 0; i < 47; i++) {
            boolean color = i % 3 == 0;
            int w = 48 + random.nextInt(80);
            int h = 40 + random.nextInt(60);
            BufferedImage image = new BufferedImage(w, h, color ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = (x * 255 / w + y * 3 + random.nextInt(20)) & 0xff;
                    image.setRGB(x, y, color ? (g << 16) | (((g + 60) & 0xff) << 8) | ((255 - g) & 0xff) : g * 0x010101);
                }
            }
            String ext = i >= 44 ? "jpg" : "png";
            ImageIO.write(image, ext, in.resolve(String.format("img%02d.%s", i, ext)).toFile());
        }
        Files.write(in.resolve("broken.png"), new byte[] {(byte) 137, 80, 78, 71, 1, 2, 3});
        Files.write(in.resolve("empty.jpg"), new byte[0]);
        Files.writeString(in.resolve("notes.tif"), "not a TIFF");
        spark = SparkSession.builder().master("local[2]").appName("colorize-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    static ColorizeSparkJob.Summary job(String... args) throws Exception {
        return ColorizeSparkJob.run(spark, JobOptions.parse(args), new PrintStream(new ByteArrayOutputStream()));
    }

    static List<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Map<String, Row> rowsByInputName(Path out) {
        Map<String, Row> rows = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("table").toString()).collectAsList()) {
            Row before = rows.put(Path.of(java.net.URI.create(r.getString(0))).getFileName().toString(), r);
            assertNull(before, "one row per input: " + r.getString(0));
        }
        return rows;
    }

    static int[] pixels(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void everyInputOnceWithTheCommandLinesPixelsAndErrorRowsForBadFiles() throws Exception {
        Path out = dir.resolve("out");
        ColorizeSparkJob.Summary s = job("--input", in.toUri().toString(), "--output", out.toUri().toString(), "--model",
                MODEL.toString(), "--partitions", "4", "--chunk", "25");
        assertEquals(50, s.inputs());
        assertEquals(47, s.written());
        assertEquals(3, s.failed());
        List<String> images = files(out.resolve("images"));
        assertEquals(47, images.size(), "one image per good input, nothing hidden or temporary: " + images);
        assertTrue(images.stream().allMatch(n -> n.matches("img\\d\\d\\.png")), images.toString());

        Map<String, Row> rows = rowsByInputName(out);
        assertEquals(50, rows.size());
        for (String bad : BAD) {
            Row r = rows.get(bad);
            assertEquals(ResultTable.ERROR, r.getAs("status"), bad);
            assertNull(r.getAs("output"), bad);
            String error = r.getAs("error");
            assertTrue(error != null && !error.isBlank() && !error.contains("Exception:"), bad + ": " + error);
        }
        Row ok = rows.get("img00.png");
        assertEquals(ResultTable.OK, ok.getAs("status"));
        assertEquals("colorize-default", ok.getAs("model"));
        assertNotNull(ok.getAs("model_version"));
        assertTrue(((String) ok.getAs("parameters")).contains("model=colorize-default"), (String) ok.getAs("parameters"));
        assertTrue((double) ok.getAs("colorize_s") > 0 && (double) ok.getAs("write_s") > 0);
        assertTrue(((String) ok.getAs("output")).endsWith("/images/img00.png"), (String) ok.getAs("output"));

        Path cli = dir.resolve("cli");
        StringBuilder err = new StringBuilder();
        assertEquals(1, CommandLine.run(err, in.toString(), "-o", cli.toString(), "--model", MODEL.toString()), err.toString());
        assertEquals(images, files(cli), "the command line writes the same files: " + err);
        for (String name : images) {
            assertArrayEquals(pixels(cli.resolve(name)), pixels(out.resolve("images").resolve(name)), name);
        }

        ColorizeSparkJob.Summary again = job("--input", in.toString(), "--output", out.toString(), "--model", MODEL.toString());
        assertEquals(50, again.skipped(), "a rerun skips what is done, error rows included");
        assertEquals(0, again.written() + again.failed());
        assertEquals(50, rowsByInputName(out).size());
    }

    @Test
    void aRerunFinishesWhatAKilledRunLeftWithEveryOutputOnce() throws Exception {
        Path out = dir.resolve("restart");
        // The first run covers a CSV manifest of 20 inputs, as if the whole run had been killed after them.
        Path manifest = dir.resolve("first.csv");
        List<String> lines = new ArrayList<>(List.of("path"));
        files(in).stream().limit(20).forEach(n -> lines.add(in.resolve(n).toString()));
        Files.write(manifest, lines);
        assertEquals(20, job("--input", manifest.toString(), "--output", out.toString(), "--model", MODEL.toString(),
                "--chunk", "10").inputs());
        // What a task killed mid-chunk leaves: a finished image without a row, and a temporary file.
        Path images = out.resolve("images");
        Files.writeString(images.resolve("img30.png"), "half of a run that never committed its rows");
        Files.writeString(images.resolve(".img31.png.5eed" + ColorizeSparkJob.PART), "partial");

        ColorizeSparkJob.Summary s = job("--input", in.toString(), "--output", out.toString(), "--model", MODEL.toString(),
                "--chunk", "10");
        assertEquals(20, s.skipped());
        assertEquals(30, s.written() + s.failed());
        List<String> written = files(images);
        assertEquals(47, written.size(), written.toString());
        assertFalse(written.stream().anyMatch(n -> n.startsWith(".")), written.toString());
        assertEquals(50, rowsByInputName(out).size());
        assertTrue(pixels(images.resolve("img30.png")).length > 0, "the image without a row was colorized again");
        Map<String, Long> statuses = rowsByInputName(out).values().stream()
                .collect(Collectors.groupingBy(r -> (String) r.getAs("status"), Collectors.counting()));
        assertEquals(Map.of(ResultTable.OK, 47L, ResultTable.ERROR, 3L), statuses);
    }

    @Test
    void instanceBoxesFromACsvGiveTheCommandLinesPixels() throws Exception {
        Path model = MODEL.resolveSibling("instance-aware");
        Path some = Files.createDirectory(dir.resolve("some"));
        for (String name : List.of("img01.png", "img02.png")) Files.copy(in.resolve(name), some.resolve(name));
        Path boxes = Files.writeString(dir.resolve("boxes.csv"), "x1,y1,x2,y2,label\n4,4,40,36,thing\n");
        Path out = dir.resolve("instances");
        ColorizeSparkJob.Summary s = job("--input", some.toString(), "--output", out.toString(), "--model", model.toString(),
                "--instances", "csv:" + boxes.toUri());
        assertEquals(2, s.written());
        Path cli = dir.resolve("instances-cli");
        StringBuilder err = new StringBuilder();
        assertEquals(0, CommandLine.run(err, some.toString(), "-o", cli.toString(), "--model", model.toString(), "--boxes",
                "csv:" + boxes), err.toString());
        Path plain = dir.resolve("instances-none");
        assertEquals(0, CommandLine.run(err, some.toString(), "-o", plain.toString(), "--model", model.toString(), "--boxes",
                "none"), err.toString());
        int changed = 0;
        for (String name : files(cli)) {
            int[] spark = pixels(out.resolve("images").resolve(name));
            assertArrayEquals(pixels(cli.resolve(name)), spark, name);
            int[] none = pixels(plain.resolve(name));
            for (int i = 0; i < none.length; i++) if (none[i] != spark[i]) changed++;
        }
        assertTrue(changed > 0, "the boxes changed the result");
    }

    @Test
    void aTableFileReadsBackAsTheSchemasRowsAndAFailedOneLeavesNothing() throws Exception {
        Path table = dir.resolve("table-file");
        java.sql.Timestamp when = java.sql.Timestamp.valueOf("2026-12-02 03:04:05.123456");
        Row ok = org.apache.spark.sql.RowFactory.create("in.png", "out.png", ResultTable.OK, null, "m", "v1", "model=m", 0.25, 0.5,
                null, 0.125, 21.5, 0.9, -1.5, "run", when);
        TableFile.append(List.of(ok), ResultTable.SCHEMA, table.toString(), "part-a", new org.apache.hadoop.conf.Configuration());
        org.apache.spark.sql.Dataset<Row> read = spark.read().parquet(table.toString());
        assertEquals(ResultTable.SCHEMA.asNullable(), read.schema().asNullable());
        Row back = read.collectAsList().get(0);
        for (int i = 0; i < ok.size(); i++) assertEquals(ok.get(i), back.get(i), ResultTable.SCHEMA.fields()[i].name());

        Row broken = org.apache.spark.sql.RowFactory.create(null, null, ResultTable.ERROR, "x", null, null, null, 0.0, 0.0, null, 0.0,
                null, null, null, "run", when);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TableFile.append(List.of(ok, broken),
                ResultTable.SCHEMA, table.toString(), "part-b", new org.apache.hadoop.conf.Configuration()));
        assertEquals(List.of("part-a.parquet"), files(table).stream().filter(n -> !n.endsWith(".crc")).toList(),
                "no second file, no temporary one");
    }

    @Test
    void theDriversWarmUpRunsThroughWithTheJobsModel() throws Exception {
        // It swallows failures (the job's own load reports them), so a broken warm-up would only be slow: run it directly.
        DriverWarmUp.run(JobOptions.parse("--input", in.toString(), "--output", dir.resolve("warm").toString(), "--model",
                MODEL.toString()));
        assertFalse(Files.exists(dir.resolve("warm")), "the warm-up writes nothing where the job's outputs go");
    }

    @Test
    void badArgumentsNameTheProblem() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("--input", "x"));
        assertTrue(e.getMessage().contains("--output"), e.getMessage());
        assertThrows(() -> JobOptions.parse("--input", "x", "--output", "y", "--partitions", "two"), "--partitions");
        assertThrows(() -> JobOptions.parse("--input", "x", "--output", "y", "--instances", "magic"), "--instances");
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable call, String named) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
