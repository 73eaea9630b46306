package org.colorize.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.imglib2.img.array.ArrayImgs;
import org.colorize.ColorizeException;
import org.colorize.image.SourceImage;
import org.colorize.image.Upsampling;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.StageTimes;
import org.colorize.runtime.DeviceChoice;

/**
 * End-to-end time split and peak heap of full-image colorization for 1, 12 and 50 megapixel
 * 8-bit inputs, for each upsampling mode, measured side by side in one run (median of repeats).
 * The target it checks: the non-network part of a 12-MP image within 0.3 s.
 */
public final class PipelineBenchmark {
    static final double NON_NETWORK_TARGET_12MP = 0.3;
    private static final int[] MEGAPIXELS = {1, 12, 50};

    private final ModelRegistry registry;
    private final String model;
    private final int repeats;
    private final PrintStream out;

    public PipelineBenchmark(ModelRegistry registry, String model, int repeats, PrintStream out) {
        this.registry = registry;
        this.model = model;
        this.repeats = repeats;
        this.out = out;
    }

    public record Row(int megapixels, Upsampling upsampling, int width, int height, StageTimes times, long peakHeapBytes) {
    }

    public List<Row> run() throws ColorizeException {
        long t = System.nanoTime();
        registry.load(model, DeviceChoice.AUTO);
        double modelLoad = (System.nanoTime() - t) / 1e9;
        out.printf(Locale.ROOT, "model load (cold, incl. engine start): %.2f s; %d cores; max heap %d MB%n",
                modelLoad, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Colorizer colorizer = Colorizers.forModel(registry, model);
        warmUp(colorizer);
        List<Row> rows = new ArrayList<>();
        for (int mp : MEGAPIXELS) {
            SourceImage image = syntheticScene(mp);
            for (Upsampling upsampling : Upsampling.values()) {
                ColorizeOptions options = new ColorizeOptions(model, DeviceChoice.AUTO, upsampling, Double.NaN);
                StageTimes[] runs = new StageTimes[repeats];
                long peak = 0;
                for (int r = 0; r < repeats; r++) {
                    resetPeaks();
                    runs[r] = colorizer.colorize(image, options, ColorizeContext.defaults()).times();
                    peak = Math.max(peak, heapPeak());
                }
                Row row = new Row(mp, upsampling, (int) image.pixels().dimension(0), (int) image.pixels().dimension(1),
                        median(runs, modelLoad), peak);
                rows.add(row);
                out.printf(Locale.ROOT, "  measured %2d MP %-8s non-network %.3f s%n", mp, upsampling.key(), row.times().nonNetwork());
            }
        }
        return rows;
    }

    public void printTable(List<Row> rows) {
        out.println();
        out.println("| input | upsample | prepare L (s) | network (s) | upsample+recombine (s) | non-network (s) | peak heap (MB) |");
        out.println("|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %d MP (%d×%d) | %s | %.3f | %.3f | %.3f | %.3f | %d |%n", r.megapixels(), r.width(), r.height(),
                    r.upsampling().key(), r.times().prepare(), r.times().network(), r.times().recombine(),
                    r.times().nonNetwork(), r.peakHeapBytes() >> 20);
        }
        for (Row r : rows) {
            if (r.megapixels() == 12) {
                out.printf(Locale.ROOT, "12 MP non-network (%s) / target %.1f s = %.2f  %s%n", r.upsampling().key(),
                        NON_NETWORK_TARGET_12MP, r.times().nonNetwork() / NON_NETWORK_TARGET_12MP,
                        r.times().nonNetwork() <= NON_NETWORK_TARGET_12MP ? "(within target)" : "(OVER target)");
            }
        }
    }

    private void warmUp(Colorizer colorizer) throws ColorizeException {
        SourceImage small = syntheticScene(1);
        for (Upsampling u : Upsampling.values()) {
            for (int i = 0; i < 3; i++) {
                colorizer.colorize(small, new ColorizeOptions(model, DeviceChoice.AUTO, u, Double.NaN), ColorizeContext.defaults());
            }
        }
    }

    /** A 4:3 gray scene with gradients, a disc and texture (content does not change the timing). */
    static SourceImage syntheticScene(int megapixels) {
        int w = (int) Math.round(Math.sqrt(megapixels * 1e6 * 4 / 3));
        int h = (int) Math.round(megapixels * 1e6 / w);
        byte[] pixels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int v = 40 + 150 * x / w + ((x * 7 + y * 13) & 31);
                int dx = x - w / 2, dy = y - h / 3;
                if ((long) dx * dx + (long) dy * dy < (long) h * h / 25) v = 230;
                pixels[row + x] = (byte) Math.min(255, v);
            }
        }
        return SourceImage.of(ArrayImgs.unsignedBytes(pixels, w, h), megapixels + "MP");
    }

    private static StageTimes median(StageTimes[] runs, double modelLoad) {
        StageTimes[] sorted = runs.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a.total(), b.total()));
        StageTimes m = sorted[sorted.length / 2];
        return new StageTimes(modelLoad, m.prepare(), m.network(), m.recombine());
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
