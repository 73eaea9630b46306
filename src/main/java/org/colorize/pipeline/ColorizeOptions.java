package org.colorize.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.image.Upsampling;
import org.colorize.runtime.DeviceChoice;

/**
 * Every user option of full-image colorization, with its macro key, dialog label and default.
 * Front ends read and write options only through this class, so a key means the same thing in
 * a macro, the SciJava command and on the command line.
 *
 * @param model       model name or folder; blank means the installed default
 * @param device      where the network runs
 * @param upsample    how the network-size chroma reaches full size
 * @param temperature annealed-mean temperature for distribution models; NaN means the card's,
 *                    spelled {@value #DEFAULT} in macros, dialogs, the SciJava command and the command line
 * @param vividness   how much of a distribution model's color survives where it is unsure, 0…1
 *                    ({@link org.colorize.color.ConfidenceShrink}: 1 keeps the annealed mean, lower
 *                    values shrink flat distributions toward gray); NaN means the card's, {@value #DEFAULT}
 * @param hints       user color hints ({@link ColorHints}; {@link ColorHints#NONE} for the plain colorization),
 *                    recorded as {@value #HINTS}= and {@value #REFERENCE}= when given; only models with hint
 *                    inputs take them
 */
public record ColorizeOptions(String model, DeviceChoice device, Upsampling upsample, double temperature, double vividness,
        ColorHints hints) {
    public static final String MODEL = "model";
    public static final String DEVICE = "device";
    public static final String UPSAMPLE = "upsample";
    public static final String TEMPERATURE = "temperature";
    public static final String VIVIDNESS = "vividness";
    /** The value of a key that means "the model's own" (model: the default model; temperature: the card's). */
    public static final String DEFAULT = "default";
    /** The key of local hints' text form ({@link ColorHints#pointsText()}). */
    public static final String HINTS = "hints";
    /** The key of the global hint's reference (an image title or a file path). */
    public static final String REFERENCE = "reference";
    /** Every macro key of the plain colorization, in dialog order. */
    public static final List<String> KEYS = List.of(MODEL, DEVICE, UPSAMPLE, TEMPERATURE, VIVIDNESS);
    /** The keys colorization with hints adds. */
    public static final List<String> HINT_KEYS = List.of(HINTS, REFERENCE);

    public ColorizeOptions {
        model = model == null ? "" : model.trim();
        hints = hints == null ? ColorHints.NONE : hints;
        if (!Double.isNaN(temperature) && !(temperature > 0 && temperature <= 10)) {
            throw new IllegalArgumentException("temperature must be in (0, 10], was " + temperature);
        }
        if (!Double.isNaN(vividness) && !(vividness >= 0 && vividness <= 1)) {
            throw new IllegalArgumentException("vividness must be in [0, 1], was " + vividness);
        }
    }

    /** Options without hints. */
    public ColorizeOptions(String model, DeviceChoice device, Upsampling upsample, double temperature, double vividness) {
        this(model, device, upsample, temperature, vividness, ColorHints.NONE);
    }

    /** Options with the card's vividness. */
    public ColorizeOptions(String model, DeviceChoice device, Upsampling upsample, double temperature) {
        this(model, device, upsample, temperature, Double.NaN);
    }

    public static ColorizeOptions defaults() {
        return new ColorizeOptions("", DeviceChoice.AUTO, Upsampling.BILINEAR, Double.NaN, Double.NaN);
    }

    /** Dialog label of a key; its first word, lowercased, is the key (ImageJ's macro rule). */
    public static String label(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    /** Options from key=value pairs; unknown keys are the caller's to report. Bad values throw with the key named. */
    public static ColorizeOptions fromMap(Map<String, String> values) {
        ColorizeOptions d = defaults();
        String model = values.getOrDefault(MODEL, d.model());
        DeviceChoice device = values.containsKey(DEVICE) ? DeviceChoice.parse(values.get(DEVICE)) : d.device();
        Upsampling upsample = values.containsKey(UPSAMPLE) ? Upsampling.parse(values.get(UPSAMPLE)) : d.upsample();
        return new ColorizeOptions(model, device, upsample, parseTemperature(values.get(TEMPERATURE)),
                parseVividness(values.get(VIVIDNESS)));
    }

    /** A vividness as typed: a number in [0, 1], or {@value #DEFAULT} (or nothing) for the card's (NaN). */
    public static double parseVividness(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(DEFAULT)) return Double.NaN;
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vividness must be a number in [0, 1] or " + DEFAULT + ", was '" + text + "'");
        }
    }

    /** A temperature as typed: a number, or {@value #DEFAULT} (or nothing) for the card's (NaN). */
    public static double parseTemperature(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(DEFAULT)) return Double.NaN;
        double t;
        try {
            t = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("temperature must be a number or " + DEFAULT + ", was '" + text + "'");
        }
        // NaN would silently mean the card's temperature; Infinity is no temperature either.
        if (!Double.isFinite(t)) throw new IllegalArgumentException("temperature must be a finite number or " + DEFAULT + ", was '" + text + "'");
        return t;
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MODEL, model.isEmpty() ? DEFAULT : model);
        m.put(DEVICE, device.key());
        m.put(UPSAMPLE, upsample.key());
        m.put(TEMPERATURE, Double.isNaN(temperature) ? DEFAULT : String.format(Locale.ROOT, "%.3g", temperature));
        m.put(VIVIDNESS, Double.isNaN(vividness) ? DEFAULT : String.format(Locale.ROOT, "%.3g", vividness));
        if (!hints.points().isEmpty()) m.put(HINTS, hints.pointsText());
        if (hints.reference() != null) m.put(REFERENCE, hints.reference().label());
        return m;
    }

    /** {@code key=value} pairs separated by spaces, values with spaces bracketed (ImageJ's macro syntax). */
    public String toMacroString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : toMap().entrySet()) {
            if (sb.length() > 0) sb.append(' ');
            String v = e.getValue();
            boolean bracket = v.contains(" ") || e.getKey().equals(HINTS) || e.getKey().equals(REFERENCE);
            sb.append(e.getKey()).append('=').append(bracket ? "[" + v + "]" : v);
        }
        return sb.toString();
    }

    public ColorizeOptions withModel(String name) {
        return new ColorizeOptions(name, device, upsample, temperature, vividness, hints);
    }

    public ColorizeOptions withHints(ColorHints h) {
        return new ColorizeOptions(model, device, upsample, temperature, vividness, h);
    }
}
