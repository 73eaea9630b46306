package org.colorize.pipeline;

/**
 * What a diverse colorization asks for besides the usual options (model, device, upsampling).
 *
 * @param colorize   the model (a {@code diverse-gan} or {@code diverse-vae} card), device and upsampling
 * @param samples    how many colorizations, 1 to {@value #MAX_SAMPLES}
 * @param seed       sample i's code is a pure function of (seed, i): the same seed gives the same pixels
 * @param mostLikely VAE only: instead of drawing from the mixture, the mixture's means ranked by
 *                   weight ("the k most likely colorizations"; at most K samples)
 */
public record DiverseOptions(ColorizeOptions colorize, int samples, long seed, boolean mostLikely) {
    public static final int MAX_SAMPLES = 64;
    /** Macro/command-line keys. */
    public static final String METHOD = "method";
    public static final String SAMPLES = "samples";
    public static final String SEED = "seed";
    public static final String MOST_LIKELY = "likely";

    public DiverseOptions {
        if (colorize == null) throw new IllegalArgumentException("no colorize options");
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be 1 to " + MAX_SAMPLES + ", was " + samples);
        }
    }

    /** The model a method names by default: {@code diverse-gan} or {@code diverse-vae}. */
    public static String defaultModel(String method) {
        return switch (method) {
            case "gan" -> DiverseColorizer.GAN_KIND;
            case "vae" -> DiverseColorizer.VAE_KIND;
            default -> throw new IllegalArgumentException("method must be gan or vae, was '" + method + "'");
        };
    }
}
