package org.colorize.train;

import org.colorize.ColorizeCanceledException;
import org.colorize.runtime.CancelToken;
import org.colorize.runtime.Workers;
import java.util.ArrayList;
import java.util.List;
import org.colorize.color.AbGamut;
import org.colorize.color.Lab;
import org.colorize.eval.MakeGray;
import org.colorize.eval.Psnr;
import org.colorize.image.AbUpsampler;
import org.colorize.image.ColorSink;
import org.colorize.image.GrayMapping;
import org.colorize.image.LightnessPlane;
import org.colorize.image.NetworkInput;
import org.colorize.image.Recombiner;
import org.colorize.image.Upsampling;
import org.colorize.model.AbDecoder;
import org.colorize.model.OutputEncoding;
import org.colorize.pipeline.ColorizeOptions;

/**
 * Scores validation crops the way {@code colorize evaluate} scores a model on a color image, from
 * the product's own pieces: the 8-bit gray a user would colorize ({@link MakeGray}) read back as L,
 * the network input made from it ({@link NetworkInput}), the model output decoded as the runtime
 * decodes it ({@link AbDecoder}, with the encoding and temperature the recipe's card gets), ab
 * upsampled ({@link AbUpsampler}, evaluate's default) and recombined with the gray image's own L
 * ({@link Recombiner}, which brings out-of-gamut colors in at fixed L) into 8-bit RGB
 * ({@link ColorSink#rgb8}), and {@link Psnr} against the true crop. A card's validation numbers are
 * therefore the numbers a user measures.
 *
 * <p>The only place the trainer calls the image, model and pipeline packages: when they change,
 * this class adapts.
 */
final class ProductPathScore {
    /** A perfect crop has infinite PSNR; means are taken over values capped here. */
    static final double MAX_PSNR = 100;
    private static final float[] LIGHTNESS_OF_GRAY = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            LIGHTNESS_OF_GRAY[v] = (float) Lab.lightnessOfGray(GrayMapping.EIGHT_BIT.toGray(v));
        }
    }

    private final OutputEncoding encoding;
    private final AbGamut bins;
    private final double temperature;
    private final Upsampling upsampling;

    ProductPathScore(OutputEncoding encoding, AbGamut bins, double temperature) {
        this(encoding, bins, temperature, ColorizeOptions.defaults().upsample());
    }

    ProductPathScore(OutputEncoding encoding, AbGamut bins, double temperature, Upsampling upsampling) {
        this.encoding = encoding;
        this.bins = bins;
        this.temperature = temperature;
        this.upsampling = upsampling;
    }

    /** Validation crops are small: the product's row loops run on the training thread, never canceled. */
    private static final Workers ON_THIS_THREAD = Workers.sequential(CancelToken.NEVER);

    private static float[] networkLightness(LightnessPlane plane, int size) {
        try {
            return NetworkInput.lightness(plane, size, ON_THIS_THREAD);
        } catch (ColorizeCanceledException e) {
            throw new IllegalStateException("validation is never canceled", e);
        }
    }

    /** The scorer of a recipe's output. */
    static ProductPathScore of(TrainingRecipe recipe) {
        return new ProductPathScore(recipe.outputEncoding(), recipe.outputBins(), recipe.temperature());
    }

    /**
     * A validation batch as the product sees it: the 8-bit gray image of each true crop, and as the
     * network's L the one made from that gray image.
     */
    record ProductBatch(Batch network, List<byte[]> gray) {
    }

    /** The product's view of each validation batch; made once per run. */
    List<ProductBatch> prepare(List<Batch> batches) {
        List<ProductBatch> out = new ArrayList<>();
        for (Batch b : batches) {
            int s = b.size();
            int px = s * s;
            float[] l = new float[b.l().length];
            List<byte[]> gray = new ArrayList<>();
            for (int i = 0; i < b.count(); i++) {
                byte[] g = MakeGray.lightnessGray(truth(b, i));
                gray.add(g);
                System.arraycopy(networkLightness(plane(g, s), s), 0, l, i * px, px);
            }
            out.add(new ProductBatch(new Batch(b.step(), b.count(), s, l, b.ab(), b.soft(), b.weights(), b.truth(),
                    b.features()), gray));
        }
        return out;
    }

    /** RGB PSNR of crop {@code i} colorized from the raw network output {@code raw} on a {@code grid}² grid. */
    double psnr(ProductBatch batch, int i, float[] raw, int grid) {
        Batch b = batch.network();
        int s = b.size();
        float[] ab = AbDecoder.decode(raw, grid * grid, encoding, bins, temperature);
        float[] small = new float[s * s];
        System.arraycopy(b.l(), i * s * s, small, 0, s * s);
        float[] guide = grid == s ? small : NetworkInput.resample(small, s, grid);
        AbUpsampler upsampler = AbUpsampler.create(upsampling, ab, guide, grid, s, s);
        int[] pred = new int[s * s];
        try {
            Recombiner.recombine(plane(batch.gray().get(i), s), upsampler, ColorSink.rgb8(pred, s), ON_THIS_THREAD);
        } catch (ColorizeCanceledException e) {
            throw new IllegalStateException("validation is never canceled", e);
        }
        return capped(Psnr.rgb(pred, truth(b, i)));
    }

    /** RGB PSNR of the gray input itself (the gray baseline) for crop {@code i}. */
    double grayPsnr(ProductBatch batch, int i) {
        byte[] g = batch.gray().get(i);
        int[] pred = new int[g.length];
        for (int p = 0; p < g.length; p++) {
            int v = g[p] & 0xff;
            pred[p] = 0xff000000 | v << 16 | v << 8 | v;
        }
        return capped(Psnr.rgb(pred, truth(batch.network(), i)));
    }

    private static double capped(double psnr) {
        return Math.min(MAX_PSNR, psnr);
    }

    private static int[] truth(Batch b, int i) {
        int px = b.size() * b.size();
        int[] t = new int[px];
        System.arraycopy(b.truth(), i * px, t, 0, px);
        return t;
    }

    /** An 8-bit gray plane read as L, as the product reads an 8-bit gray image. */
    private static LightnessPlane plane(byte[] gray, int side) {
        return new LightnessPlane() {
            @Override
            public int width() {
                return side;
            }

            @Override
            public int height() {
                return side;
            }

            @Override
            public void lightnessRow(int y, float[] out) {
                for (int x = 0; x < side; x++) out[x] = LIGHTNESS_OF_GRAY[gray[y * side + x] & 0xff];
            }
        };
    }
}
