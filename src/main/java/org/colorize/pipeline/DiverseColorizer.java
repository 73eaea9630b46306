package org.colorize.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.colorize.ColorizeException;
import org.colorize.image.AbUpsampler;
import org.colorize.image.ColorOutput;
import org.colorize.image.GrayImage;
import org.colorize.image.ImageMetadata;
import org.colorize.image.LightnessPlane;
import org.colorize.image.NetworkInput;
import org.colorize.image.Recombiner;
import org.colorize.image.SourceImage;
import org.colorize.image.Upsampling;
import org.colorize.model.AbField;
import org.colorize.model.ChromaPredictor;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelRegistry;
import org.colorize.model.NamedInputsModel;
import org.colorize.model.PredictorSource;
import org.colorize.model.SignatureInput;
import org.colorize.runtime.CancelToken;
import org.colorize.runtime.Workers;

/**
 * Diverse colorization by sampling ({@code diverse-gan}: Cao et al.'s conditional GAN;
 * {@code diverse-vae}: Deshpande et al.'s VAE with a mixture density network). Like every model:
 * L at the network size, ab from the network, upsampled to full size and recombined with the
 * image's ORIGINAL L, so every sample keeps the input's lightness exactly. The N samples go
 * through the network in one call: L repeated N times with N codes.
 *
 * <p>Sample i's code is a pure function of (seed, i): GAN, z ~ N(0, I); VAE, a component k drawn
 * by the MDN's weights for this image, then z = μ_k + σ·ε (σ the card's
 * {@code sampling.mixture_sigma}); or, with {@link DiverseOptions#mostLikely()}, z = μ of the
 * i-th heaviest component. The per-pixel spread of ab across the samples is the uncertainty map.
 *
 * <p>A GAN whose card names a {@value #PRIOR} model refines that model's prediction: the prior model
 * colorizes the image once ({@link FullImageColorizer#chroma}), and its ab, on the GAN's grid, is
 * fed to every sample beside L and the code.
 */
public final class DiverseColorizer implements Colorizer {
    public static final String GAN_KIND = "diverse-gan";
    public static final String VAE_KIND = "diverse-vae";
    /** The code input of both networks. */
    public static final String CODE = "z";
    /** The card role of the VAE's mixture density network. */
    public static final String MDN = "mdn";
    /** The card field naming the model whose prediction a GAN refines ({@code {"model": NAME, "input": IN}}). */
    public static final String PRIOR = "prior";
    static final String MIXTURE_LOGITS = "mixture_logits";
    static final String MIXTURE_MEANS = "mixture_means";
    /** divcolor's σ, when a card does not state its own. */
    static final double DEFAULT_SIGMA = 0.1;
    /** Loaded SavedModels by folder, shared by every diverse colorizer of the process. */
    private static final Map<Path, NamedInputsModel> NETWORKS = new ConcurrentHashMap<>();

    private final PredictorSource models;

    public DiverseColorizer(PredictorSource models) {
        this.models = models;
    }

    /**
     * One colorization through the ordinary pipeline: a VAE's most likely one, a GAN's sample 1 of
     * seed 0 (use {@link #sample} for several).
     */
    @Override
    public ColorizeResult colorize(SourceImage image, ColorizeOptions options, ColorizeContext context) throws ColorizeException {
        ModelCard card = models.predictor(options.model(), options.device()).card();
        DiverseResult r = sample(image, new DiverseOptions(options, 1, 0, VAE_KIND.equals(card.kind())), context);
        return new ColorizeResult(r.samples(), r.warnings(), r.times());
    }

    /** Draws {@code options.samples()} colorizations of a one-plane image. */
    public DiverseResult sample(SourceImage source, DiverseOptions options, ColorizeContext context) throws ColorizeException {
        GrayImage gray = GrayImage.of(source);
        CancelToken cancel = context.cancel();
        ProgressListener progress = context.progress();
        Workers workers = context.workers();
        List<String> warnings = new ArrayList<>(gray.warnings());
        if (gray.planes() != 1) {
            throw new ColorizeException("Diverse colorization samples one image plane; '" + gray.metadata().title() + "' has "
                    + gray.planes() + " planes. Duplicate the slice you want (Image > Duplicate...) and sample that.");
        }
        if (gray.isUniform(1)) {
            throw new ColorizeException("'" + gray.metadata().title() + "' is uniform: there is nothing to colorize.");
        }
        cancel.check();
        progress.progress("loading model", 0);
        long t0 = System.nanoTime();
        ColorizeOptions co = options.colorize();
        ChromaPredictor main = models.predictor(co.model(), co.device());
        ModelCard card = main.card();
        String method = method(card);
        if (options.mostLikely() && !method.equals("vae")) {
            throw new ColorizeException("Model " + card.name() + " is a GAN: only a VAE model (" + VAE_KIND
                    + ") has most likely colorizations; sample it instead.");
        }
        Path folder = models instanceof ModelRegistry r ? r.resolve(co.model()) : Path.of(main.origin()).getParent();
        NamedInputsModel network = network(folder, co);
        int size = card.inputSize();
        int codeLength = codeLength(card);
        double load = seconds(t0);
        long t1 = System.nanoTime();
        LightnessPlane plane = gray.plane(1);
        float[] small = NetworkInput.lightness(plane, size, workers);
        float[] encoded = new float[small.length];
        InputEncoding encoding = card.inputEncoding();
        for (int i = 0; i < small.length; i++) encoded[i] = encoding.encode(small[i]);
        double prepare = seconds(t1);
        cancel.check();
        progress.progress("network", 0.1);
        long t2 = System.nanoTime();
        int n = options.samples();
        List<float[]> codes = method.equals("gan") ? ganCodes(options.seed(), n, codeLength)
                : vaeCodes(card, folder, co, encoded, size, codeLength, options);
        float[] lBatch = new float[n * size * size];
        float[] zBatch = new float[n * codeLength];
        for (int i = 0; i < n; i++) {
            System.arraycopy(encoded, 0, lBatch, i * size * size, size * size);
            System.arraycopy(codes.get(i), 0, zBatch, i * codeLength, codeLength);
        }
        Map<String, NamedInputsModel.Input> in = new LinkedHashMap<>();
        in.put(card.inputName(), new NamedInputsModel.Input(new long[] {n, size, size, 1}, lBatch));
        in.put(CODE, new NamedInputsModel.Input(new long[] {n, 1, 1, codeLength}, zBatch));
        if (card.json().has(PRIOR)) {
            progress.progress("prior colorization", 0.05);
            float[] prior = priorAb(card, plane, size, co, workers);
            float[] priorBatch = new float[n * prior.length];
            for (int i = 0; i < n; i++) System.arraycopy(prior, 0, priorBatch, i * prior.length, prior.length);
            in.put(priorField(card, "input"), new NamedInputsModel.Input(new long[] {n, size, size, 2}, priorBatch));
        }
        Map<String, float[]> out = network.run(in);
        float[] ab = out.containsKey(card.outputName()) ? out.get(card.outputName()) : out.values().iterator().next();
        int field = size * size * 2;
        if (ab.length != n * field) {
            throw new ColorizeException("Model " + card.name() + " returned " + ab.length + " values for " + n + " samples of "
                    + size + "², expected " + n * field + ".");
        }
        List<float[]> fields = new ArrayList<>();
        for (int i = 0; i < n; i++) fields.add(Arrays.copyOfRange(ab, i * field, (i + 1) * field));
        double networkSeconds = seconds(t2);
        long t3 = System.nanoTime();
        ImageMetadata inMeta = gray.metadata();
        Provenance base = Provenance.of(main, co, Double.NaN, card.kind(), inMeta);
        List<Colorization> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cancel.check();
            progress.progress("sample " + (i + 1) + "/" + n + ": recombining with L", 0.2 + 0.7 * i / n);
            ColorOutput output = ColorOutput.allocate(gray);
            AbUpsampler up = AbUpsampler.create(co.upsample(), fields.get(i), small, size, gray.width(), gray.height());
            Recombiner.recombine(plane, up, output.sink(1), workers);
            String label = sampleLabel(method, options, i);
            String title = inMeta.shortTitle() + "-" + method + "-seed" + options.seed() + "-" + (i + 1);
            ImageMetadata meta = gray.kind() == GrayImage.Kind.GRAY8 || gray.kind() == GrayImage.Kind.RGB
                    ? inMeta.derived(title, 1, 0, 255) : inMeta.derived(title, 3, gray.mapping().min(), gray.mapping().max());
            samples.add(new Colorization(output.image(), meta, OptionalLong.of(options.seed()), base.withParameters(label)));
        }
        cancel.check();
        progress.progress("uncertainty map", 0.95);
        float[] uncertainty = upsampled(DiverseStatistics.spread(fields), size, gray.width(), gray.height());
        double recombine = seconds(t3);
        if (n == 1) warnings.add("One sample: the uncertainty map is zero everywhere (sample two or more to see the spread).");
        progress.progress("done", 1);
        return new DiverseResult(samples, uncertainty, gray.width(), gray.height(), size, fields, method, options.seed(), codes,
                warnings, new StageTimes(load, prepare, networkSeconds, recombine));
    }

    /** The prior model's ab / 110 of a plane on the GAN's {@code size}² grid, interleaved. */
    private float[] priorAb(ModelCard card, LightnessPlane plane, int size, ColorizeOptions co, Workers workers)
            throws ColorizeException {
        String name = priorField(card, "model");
        ChromaPredictor predictor = models.predictor(name, co.device());
        if (!(Colorizers.forCard(predictor.card(), models) instanceof FullImageColorizer single)) {
            throw new ColorizeException("Model " + card.name() + " refines the prediction of " + name + ", which is of kind '"
                    + predictor.card().kind() + "', not a single-prediction model (" + FullImageColorizer.KIND + ", "
                    + SemanticColorizer.KIND + ").");
        }
        AbField field = single.chroma(plane, co.withModel(name), workers);
        float[] a = new float[field.size() * field.size()];
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = field.ab()[2 * i];
            b[i] = field.ab()[2 * i + 1];
        }
        if (field.size() != size) {
            a = NetworkInput.resample(a, field.size(), size);
            b = NetworkInput.resample(b, field.size(), size);
        }
        float[] out = new float[2 * size * size];
        float scale = (float) (1 / org.colorize.nn.Siggraph17Net.AB_SCALE);
        for (int i = 0; i < a.length; i++) {
            out[2 * i] = a[i] * scale;
            out[2 * i + 1] = b[i] * scale;
        }
        return out;
    }

    private static String priorField(ModelCard card, String key) throws ColorizeException {
        var p = card.json().get(PRIOR);
        if (!p.isJsonObject() || !p.getAsJsonObject().has(key) || !p.getAsJsonObject().get(key).isJsonPrimitive()) {
            throw new ColorizeException("Model " + card.name() + ": its card's '" + PRIOR + "' must be an object with a '" + key
                    + "' (the model whose prediction it refines, and its input), was " + p + ".");
        }
        return p.getAsJsonObject().get(key).getAsString();
    }

    /** {@code method=gan seed=S sample=i/N} (and {@code likely=true} for ranked means): what each sample's provenance adds. */
    static String sampleLabel(String method, DiverseOptions options, int i) {
        return String.format(Locale.ROOT, "%s=%s %s=%d sample=%d/%d%s", DiverseOptions.METHOD, method, DiverseOptions.SEED,
                options.seed(), i + 1, options.samples(), options.mostLikely() ? " " + DiverseOptions.MOST_LIKELY + "=true" : "");
    }

    /** {@code gan} or {@code vae} for a diverse card; an error naming the kinds otherwise. */
    public static String method(ModelCard card) throws ColorizeException {
        return switch (card.kind()) {
            case GAN_KIND -> "gan";
            case VAE_KIND -> "vae";
            default -> throw new ColorizeException("Model " + card.name() + " is of kind '" + card.kind() + "', not a diverse"
                    + " colorization model (" + GAN_KIND + " or " + VAE_KIND + ").");
        };
    }

    private static int codeLength(ModelCard card) throws ColorizeException {
        SignatureInput z = card.main().signature().input(CODE).orElseThrow(() -> new ColorizeException("Model " + card.name()
                + " has no code input '" + CODE + "' in its card."));
        long c = z.tensor().channels();
        if (c < 1) throw new ColorizeException("Model " + card.name() + ": its card does not state the length of the code '" + CODE + "'.");
        return (int) c;
    }

    /** A stream of numbers for sample i of a seed, independent of how many samples are drawn. */
    static Random random(long seed, int i) {
        long h = seed * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL;
        return new Random(h ^ (h >>> 29));
    }

    static List<float[]> ganCodes(long seed, int n, int length) {
        List<float[]> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Random r = random(seed, i);
            float[] z = new float[length];
            for (int d = 0; d < length; d++) z[d] = (float) r.nextGaussian();
            codes.add(z);
        }
        return codes;
    }

    private List<float[]> vaeCodes(ModelCard card, Path folder, ColorizeOptions co, float[] encoded, int size, int length,
            DiverseOptions options) throws ColorizeException {
        var component = card.component(MDN).orElseThrow(() -> new ColorizeException("Model " + card.name()
                + " is of kind " + VAE_KIND + " but its card has no " + MDN + " component."));
        NamedInputsModel mdn = network(component.signature().folder(folder), co);
        Map<String, NamedInputsModel.Input> in = new LinkedHashMap<>();
        in.put(component.input().name(), new NamedInputsModel.Input(new long[] {1, size, size, 1}, encoded));
        Map<String, float[]> out = mdn.run(in);
        float[] logits = out.get(MIXTURE_LOGITS);
        float[] means = out.get(MIXTURE_MEANS);
        if (logits == null || means == null || means.length != logits.length * length) {
            throw new ColorizeException("Model " + card.name() + ": its MDN did not return " + MIXTURE_LOGITS + " and "
                    + MIXTURE_MEANS + " of the card's sizes (outputs: " + out.keySet() + ").");
        }
        double sigma = sigma(card);
        return vaeCodes(logits, means, length, sigma, options);
    }

    /** Codes from a mixture: drawn (component by weight, then μ + σ·ε), or the means ranked by weight. */
    static List<float[]> vaeCodes(float[] logits, float[] means, int length, double sigma, DiverseOptions options)
            throws ColorizeException {
        int k = logits.length;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Float.compare(logits[y], logits[x]));
        int n = options.samples();
        if (options.mostLikely() && n > k) {
            throw new ColorizeException("The model's mixture has " + k + " components: at most " + k
                    + " most likely colorizations (asked for " + n + ").");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double[] cumulative = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.exp(logits[i] - max);
            cumulative[i] = sum;
        }
        List<float[]> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] z = new float[length];
            if (options.mostLikely()) {
                System.arraycopy(means, order[i] * length, z, 0, length);
            } else {
                Random r = random(options.seed(), i);
                double u = r.nextDouble() * sum;
                int c = 0;
                while (c < k - 1 && cumulative[c] < u) c++;
                for (int d = 0; d < length; d++) z[d] = (float) (means[c * length + d] + sigma * r.nextGaussian());
            }
            codes.add(z);
        }
        return codes;
    }

    private static double sigma(ModelCard card) {
        var json = card.json();
        if (json.has("sampling") && json.getAsJsonObject("sampling").has("mixture_sigma")) {
            return json.getAsJsonObject("sampling").get("mixture_sigma").getAsDouble();
        }
        return DEFAULT_SIGMA;
    }

    private static NamedInputsModel network(Path folder, ColorizeOptions co) throws ColorizeException {
        Path key = folder.toAbsolutePath().normalize();
        NamedInputsModel m = NETWORKS.get(key);
        if (m != null) return m;
        synchronized (NETWORKS) {
            m = NETWORKS.get(key);
            if (m == null) {
                m = NamedInputsModel.load(key, co.device());
                NETWORKS.put(key, m);
            }
            return m;
        }
    }

    /** A network-grid scalar field bilinearly upsampled to width × height (the ab upsampler on (v, 0)). */
    private static float[] upsampled(float[] grid, int size, int width, int height) {
        float[] pairs = new float[grid.length * 2];
        for (int i = 0; i < grid.length; i++) pairs[2 * i] = grid[i];
        AbUpsampler up = AbUpsampler.create(Upsampling.BILINEAR, pairs, null, size, width, height);
        float[] out = new float[width * height];
        float[] a = new float[width];
        float[] b = new float[width];
        for (int y = 0; y < height; y++) {
            up.row(y, null, a, b);
            System.arraycopy(a, 0, out, y * width, width);
        }
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
