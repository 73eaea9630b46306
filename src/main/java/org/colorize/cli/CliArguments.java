package org.colorize.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.CommandLineArgs;
import org.colorize.detect.DetectorOptions;
import org.colorize.pipeline.BoxChoice;
import org.colorize.pipeline.ColorizeOptions;

/**
 * The colorize command line: inputs, an output folder and {@link ColorizeOptions} as --key value;
 * {@code --overwrite} replaces existing outputs, {@code --skip-existing} leaves them and colorizes
 * the rest (to finish an interrupted batch), {@code --verbose} shows the libraries' log lines,
 * {@code --instances}, {@code --score}, {@code --max-instances} and {@code --overlay} say how an
 * instance-aware model finds its instances ({@link InstancesOption}), {@code --hints} and
 * {@code --reference} give color hints ({@link HintsOption}).
 */
record CliArguments(List<Path> inputs, Path outputDir, ColorizeOptions options, boolean overwrite, boolean skipExisting,
        boolean verbose, InstancesOption instances, String hints, String reference) {

    static final String USAGE = String.join("\n",
            "usage: colorize IN... -o OUTDIR [--model NAME|PATH] [--device auto|cpu|gpu]",
            "                [--upsample bilinear|guided] [--temperature default|T] [--vividness default|V]",
            "                [--overwrite | --skip-existing] [--verbose]",
            "                [--instances " + BoxChoice.WITH_ROIS + "]",
            "                [--score S] [--max-instances N] [--overlay]   (instance-aware models)",
            "                [--hints FILE.csv] [--reference IMAGE]   (color hints; models with hint inputs)",
            "       colorize models            list the installed models",
            "       colorize train --data DIR --out models/NAME [...]   train a model (colorize train --help)",
            "       colorize bench [train]     benchmarks: pipeline, or training and network speed",
            "       colorize evaluate ...      score colorizations against the truth (evaluate --help)",
            "       colorize --version",
            "",
            "Colorizes gray images (files, or folders of them) and writes OUTDIR/<name>.png",
            "(8-bit RGB; .tif for 16/32-bit input and stacks). Existing outputs are never",
            "replaced unless --overwrite is given; --skip-existing leaves them and colorizes the",
            "rest (rerun an interrupted batch with it to finish it). An input is never replaced.",
            "--temperature default uses the model card's; --vividness (0-1, distribution models)",
            "shrinks unsure colors toward gray (default: the card's). --verbose shows the libraries' log lines.",
            "--hints FILE.csv: a header line x,y,color, then x,y,#rrggbb a line (positions in the input's",
            "pixels; every input gets the same points); --reference IMAGE: a color image whose palette",
            "is the global hint. Both are recorded in the output's provenance.",
            "--instances: the boxes of an instance-aware model: auto (the detector, the default), rois=FILE (a RoiSet",
            ".zip or .roi saved by ImageJ's ROI Manager), particles, boxes=FILE (CSV: x1,y1,x2,y2[,label[,score]])",
            "or none (the full-image result); --boxes is its older spelling (detector, csv:FILE). --score: the",
            "detector's minimum (0-1, default " + DetectorOptions.DEFAULT_MIN_SCORE + "); --max-instances: the largest N boxes (default "
                    + DetectorOptions.DEFAULT_MAX_BOXES + ", all of a file's);",
            "--overlay also writes OUTDIR/<name>" + InstanceOverlays.SUFFIX + ".tif: the result as RGB with an ImageJ Overlay of the",
            "boxes and their \"label score\" (hide or flatten it in ImageJ).",
            "Ctrl-C stops at once; the image being colorized is not written (exit code 130).");

    static CliArguments parse(String[] args) {
        CommandLineArgs a = CommandLineArgs.spec().values(ColorizeOptions.KEYS).values("output", "hints", "reference")
                .values(InstancesOption.VALUED).alias("-o", "output")
                .flags("overwrite", "skip-existing", "verbose", InstancesOption.OVERLAY).parse(args);
        List<Path> inputs = new ArrayList<>();
        for (String p : a.positionals()) inputs.add(Paths.get(p));
        Map<String, String> options = new LinkedHashMap<>(a.asMap());
        options.remove("output");
        InstancesOption.VALUED.forEach(options::remove);
        options.remove("hints");
        options.remove("reference");
        Path out = a.has("output") ? Paths.get(a.value("output", null)) : null;
        boolean overwrite = a.flag("overwrite");
        boolean skipExisting = a.flag("skip-existing");
        boolean verbose = a.flag("verbose");
        InstancesOption instances = InstancesOption.from(a);
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input images given");
        if (out == null) throw new IllegalArgumentException("no output folder given (-o OUTDIR)");
        if (overwrite && skipExisting) {
            throw new IllegalArgumentException("--overwrite and --skip-existing contradict each other; give one of them");
        }
        return new CliArguments(inputs, out, ColorizeOptions.fromMap(options), overwrite, skipExisting, verbose, instances,
                a.value("hints", null), a.value("reference", null));
    }
}
