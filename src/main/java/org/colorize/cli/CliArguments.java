package org.colorize.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.pipeline.ColorizeOptions;

/** The colorize command line: inputs, an output folder and {@link ColorizeOptions} as --key value. */
record CliArguments(List<Path> inputs, Path outputDir, ColorizeOptions options, boolean overwrite) {

    static final String USAGE = String.join("\n",
            "usage: colorize IN... -o OUTDIR [--model NAME|PATH] [--device auto|cpu|gpu]",
            "                [--upsample bilinear|guided] [--temperature default|T] [--vividness default|V] [--overwrite]",
            "       colorize models            list the installed models",
            "       colorize train --data DIR --out models/NAME [...]   train a model (colorize train --help)",
            "       colorize bench [train]     benchmarks: pipeline, or training and network speed",
            "       colorize evaluate ...      score colorizations against the truth (evaluate --help)",
            "       colorize --version",
            "",
            "Colorizes gray images (files, or folders of them) and writes OUTDIR/<name>.png",
            "(8-bit RGB; .tif for 16/32-bit input and stacks). Existing outputs are never",
            "replaced unless --overwrite is given. --temperature default uses the model card's;",
            "--vividness (0-1, distribution models) shrinks unsure colors toward gray; default: the card's.",
            "Ctrl-C stops at once; the image being colorized is not written (exit code 130).");

    static CliArguments parse(String[] args) {
        List<Path> inputs = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Path out = null;
        boolean overwrite = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-o") || a.equals("--output")) {
                out = Paths.get(value(args, ++i, a));
            } else if (a.equals("--overwrite")) {
                overwrite = true;
            } else if (a.startsWith("--")) {
                String key = a.substring(2);
                int eq = key.indexOf('=');
                String v;
                if (eq >= 0) {
                    v = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else {
                    v = value(args, ++i, a);
                }
                if (!ColorizeOptions.KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key);
                }
                options.put(key, v);
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                inputs.add(Paths.get(a));
            }
        }
        if (inputs.isEmpty()) throw new IllegalArgumentException("no input images given");
        if (out == null) throw new IllegalArgumentException("no output folder given (-o OUTDIR)");
        return new CliArguments(inputs, out, ColorizeOptions.fromMap(options), overwrite);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
