package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.colorize.io.BadInputs;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch killed (SIGKILL, no shutdown hook) at random points three times, then finished by
 * running the same command again: every output exists once, is a valid image, was written once,
 * and no temporary file is left. The command prints only our own lines.
 */
class BatchKillIT {
    private static final Pattern WROTE = Pattern.compile("^\\[\\d+/\\d+\\] [^:]+: wrote (.+) \\(model .*$");

    @Test
    void aBatchKilledThreeTimesIsFinishedBySkipExistingWithEveryOutputOnce(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String base = String.format("img%02d", i);
            if (i % 6 == 5) {
                new FileSaver(TestImages.gray16(base, 300, 220)).saveAsTiff(in.resolve(base + ".tif").toString());
                expected.put(base, base + ".tif");
            } else {
                BadInputs.png(in.resolve(base + ".png"), 400 + i, 300);
                expected.put(base, base + ".png");
            }
        }
        Path out = dir.resolve("out");
        List<String> command = ChildCli.command(List.of(), in.toString(), "-o", out.toString(), "--model",
                TinyModels.regression().toString(), "--device", "cpu", "--skip-existing");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<ChildCli.Run> runs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            // Kill after a random number of new outputs, while the next image is in a random stage:
            // reading, network, recombining, done (being written) or just written.
            int after = random.nextInt(5);
            String[] stages = {"reading L", "network", "recombining with L", "done (100%)", "wrote"};
            String stage = stages[random.nextInt(stages.length)];
            int[] written = {0};
            ChildCli.Run run = ChildCli.runUntil(command, line -> {
                boolean wrote = WROTE.matcher(line).matches();
                if (wrote) written[0]++;
                return line.contains(stage) && written[0] >= after + (wrote ? 1 : 0);
            });
            runs.add(run);
            assertTrue(run.killed() || run.exitCode() == 0, "seed " + seed + ": run " + k + ":\n" + run.text());
        }
        ChildCli.Run last = ChildCli.run(command);
        runs.add(last);
        String all = "seed " + seed + "\n" + String.join("\n----\n", runs.stream().map(ChildCli.Run::text).toList());
        assertEquals(0, last.exitCode(), all);
        assertTrue(runs.stream().filter(ChildCli.Run::killed).count() >= 2, "the runs were killed mid-batch:\n" + all);

        Map<String, Integer> writes = new HashMap<>();
        for (ChildCli.Run run : runs) {
            for (String line : run.lines()) {
                assertTrue(ChildCli.ours(line), "only our own lines, not: " + line + "\n" + all);
                Matcher m = WROTE.matcher(line);
                if (m.matches()) writes.merge(Path.of(m.group(1)).getFileName().toString(), 1, Integer::sum);
            }
        }
        List<String> files;
        try (var s = Files.list(out)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(expected.values().stream().sorted().toList(), files, "every output once, nothing else (no .part):\n" + all);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String name = e.getValue();
            assertTrue(writes.getOrDefault(name, 0) <= 1, name + " written " + writes.get(name) + " times:\n" + all);
            Path file = out.resolve(name);
            if (name.endsWith(".png")) {
                BufferedImage image = ImageIO.read(file.toFile());
                assertTrue(image != null && image.getHeight() == 300, name + " is a whole PNG");
            } else {
                ImagePlus imp = ij.IJ.openImage(file.toString());
                assertTrue(imp != null && imp.getNChannels() == 3 && imp.getHeight() == 220, name + " is a whole TIFF");
            }
        }
        int skipped = 0;
        for (String line : last.lines()) if (line.contains(": skipped (")) skipped++;
        assertTrue(skipped > 0 && skipped < expected.size(), "the last run finished the batch, skipping the outputs there:\n" + last.text());
    }

    @Test
    void theSampleCommandPrintsOnlyOurLines(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        ProcessBuilder pb = new ProcessBuilder("./colorize", "samples/nagasaki-boats.png", "-o", out.toString())
                .redirectErrorStream(true);
        pb.environment().remove("TF_CPP_MIN_LOG_LEVEL");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        for (String line : text.split("\n")) assertTrue(ChildCli.ours(line), "only our own lines, not: " + line + "\n" + text);
        assertTrue(text.contains("wrote " + out.resolve("nagasaki-boats.png")), text);

        // --verbose shows the libraries' lines.
        Process v = new ProcessBuilder("./colorize", "samples/nagasaki-boats.png", "-o", dir.resolve("v").toString(), "--verbose")
                .redirectErrorStream(true).start();
        String verbose = new String(v.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, v.waitFor(), verbose);
        assertTrue(verbose.lines().anyMatch(l -> !ChildCli.ours(l)), "--verbose shows more than our lines:\n" + verbose);
    }
}
