package org.colorize.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.image.Upsampling;
import org.colorize.io.ImageFiles;
import org.colorize.io.InputImages;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.DiverseColorizer;
import org.colorize.pipeline.DiverseOptions;
import org.colorize.pipeline.DiverseResult;
import org.colorize.runtime.DeviceChoice;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * Plugins > Colorize > Diverse Colorizations...: N colorizations of the current image by a diverse
 * model (GAN or VAE + MDN) as a labelled RGB stack, the per-pixel uncertainty map (spread of ab
 * across the samples) and optionally a montage. Recordable:
 * {@code run("Diverse Colorizations...", "method=gan model=default samples=8 seed=0 upsample=bilinear montage");}
 * Esc stops it. {@link #sample(String)} is the headless entry for {@code call(...)}.
 */
public class DiversePlugin extends CurrentImagePlugin<DiversePlugin.Request> {
    static final String TITLE = "Diverse Colorizations";
    private static final String[] METHODS = {"gan", "vae"};
    static final List<String> KEYS = List.of(DiverseOptions.METHOD, ColorizeOptions.MODEL, DiverseOptions.SAMPLES,
            DiverseOptions.SEED, DiverseOptions.MOST_LIKELY, ColorizeOptions.UPSAMPLE, "montage", "input", "output", "overwrite");

    /** What the dialog or a macro asked for. */
    record Request(DiverseOptions options, boolean montage) {}

    public DiversePlugin() {
        super(TITLE);
    }

    @Override
    Request optionsFromMacro(ImagePlus imp, String macro) {
        return dialog(); // GenericDialog reads the macro's options
    }

    @Override
    Request optionsFromDialog(ImagePlus imp) {
        return dialog();
    }

    @Override
    void runOn(ImagePlus imp, Request request) throws ColorizeException {
        sample(imp, request).forEach(ImagePlus::show);
    }

    /** The dialog (ImageJ fills it from a macro's options and records it). */
    private static Request dialog() {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addChoice("Method", METHODS, METHODS[0]);
        gd.addStringField("Model", ColorizeOptions.DEFAULT, 20);
        gd.addNumericField("Samples", 8, 0);
        gd.addNumericField("Seed", 0, 0);
        gd.addCheckbox("Likely (VAE: the mixture's means ranked by weight instead of random draws)", false);
        gd.addChoice("Upsample", new String[] {"bilinear", "guided"}, "bilinear");
        gd.addCheckbox("Montage", false);
        gd.addMessage("Each slice is one sample (method, seed, index in its label); a 32-bit uncertainty map\n"
                + "shows where the samples disagree. Colors are AI-inferred: plausible, not measured.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        String method = gd.getNextChoice();
        String model = gd.getNextString().trim();
        int samples = (int) gd.getNextNumber();
        long seed = (long) gd.getNextNumber();
        boolean likely = gd.getNextBoolean();
        String upsample = gd.getNextChoice();
        boolean montage = gd.getNextBoolean();
        return request(method, model, samples, seed, likely, upsample, montage);
    }

    static Request request(String method, String model, int samples, long seed, boolean likely, String upsample, boolean montage) {
        String m = model.isEmpty() || model.equalsIgnoreCase(ColorizeOptions.DEFAULT) ? DiverseOptions.defaultModel(method) : model;
        ColorizeOptions co = new ColorizeOptions(m, DeviceChoice.AUTO, Upsampling.parse(upsample), Double.NaN);
        return new Request(new DiverseOptions(co, samples, seed, likely), montage);
    }

    /** The stack, the uncertainty map and (when asked) the montage of {@code imp}'s samples. */
    static List<ImagePlus> sample(ImagePlus imp, Request request) throws ColorizeException {
        try {
            return TensorFlowRuntime.withContextLoader(() -> {
                DiverseResult r = new DiverseColorizer(ImageJHost.registry()).sample(ImagePlusAdapter.toSource(imp),
                        request.options(), ImageJHost.context((stage, f) -> {
                            IJ.showStatus(TITLE + ": " + stage);
                            IJ.showProgress(f);
                        }));
                for (String w : r.warnings()) IJ.log(TITLE + ": " + w);
                String base = imp.getShortTitle();
                ImagePlus stack = DiverseImages.stack(r, base);
                IJ.log(String.format(Locale.ROOT, "%s: %d %s samples of %s (seed %d), mean pairwise ab distance %.1f", TITLE,
                        r.samples().size(), r.method(), imp.getTitle(), r.seed(), r.meanPairwiseDistance()));
                return request.montage() ? List.of(stack, DiverseImages.uncertainty(r, base), DiverseImages.montage(stack))
                        : List.of(stack, DiverseImages.uncertainty(r, base));
            });
        } finally {
            IJ.showProgress(1.0);
        }
    }

    /**
     * Headless entry: {@code call("org.colorize.ij.DiversePlugin.sample", "input=[in.tif] output=[OUTDIR] method=vae samples=8 seed=1")}
     * writes {@code OUTDIR/<base>_diverse.tif} and {@code <base>_uncertainty.tif} (and with {@code montage=true}
     * {@code <base>_montage.png}); returns the stack's path or "error: message".
     */
    public static String sample(String options) {
        try {
            Map<String, String> v = MacroOptions.parse(options);
            for (String k : MacroOptions.unknownKeys(v, KEYS)) IJ.log(TITLE + ": unknown option '" + k + "' ignored.");
            Request request = request(v.getOrDefault(DiverseOptions.METHOD, "gan"), v.getOrDefault(ColorizeOptions.MODEL, ""),
                    Integer.parseInt(v.getOrDefault(DiverseOptions.SAMPLES, "8")), Long.parseLong(v.getOrDefault(DiverseOptions.SEED, "0")),
                    Boolean.parseBoolean(v.getOrDefault(DiverseOptions.MOST_LIKELY, "false")),
                    v.getOrDefault(ColorizeOptions.UPSAMPLE, "bilinear"), Boolean.parseBoolean(v.getOrDefault("montage", "false")));
            if (!v.containsKey("input") || !v.containsKey("output")) throw new ColorizeException("give input=FILE and output=FOLDER");
            Path input = Paths.get(v.get("input"));
            Path dir = Paths.get(v.get("output"));
            boolean overwrite = Boolean.parseBoolean(v.getOrDefault("overwrite", "false"));
            List<ImagePlus> out = sample(InputImages.open(input), request);
            String base = org.colorize.io.ImageFolder.baseName(input);
            String[] names = {base + "_diverse.tif", base + "_uncertainty.tif", base + "_montage.png"};
            for (int i = 0; i < out.size(); i++) {
                if (!overwrite && java.nio.file.Files.exists(dir.resolve(names[i]))) {
                    throw new ColorizeException("Output " + dir.resolve(names[i]) + " already exists; nothing was written.");
                }
            }
            for (int i = 0; i < out.size(); i++) ImageFiles.write(out.get(i), dir.resolve(names[i]), overwrite);
            return dir.resolve(names[0]).toString();
        } catch (ColorizeException | RuntimeException e) {
            IJ.log(TITLE + " error: " + e.getMessage());
            return "error: " + e.getMessage();
        }
    }
}
