package org.colorize.ij;

import ij.gui.GenericDialog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.EnumKeys;
import org.colorize.image.Upsampling;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.runtime.DeviceChoice;

/**
 * The Colorize... dialog. Its fields are the macro keys in order, pre-filled from
 * {@link ColorizeOptions#defaults()}; temperature is a text field holding {@code default}, so a
 * user who just clicks OK (and the macro ImageJ records for that) gets the model card's
 * temperature.
 */
final class ColorizeDialog {
    private ColorizeDialog() {
    }

    /** Field key → pre-filled value, in dialog order: what ImageJ records when the user clicks OK at once. */
    static Map<String, String> prefilled(String defaultModel) {
        Map<String, String> values = new LinkedHashMap<>(ColorizeOptions.defaults().toMap());
        values.put(ColorizeOptions.MODEL, defaultModel);
        return values;
    }

    /** Shows the dialog; null when canceled. */
    static ColorizeOptions show(String title, List<String> models, String defaultModel) {
        GenericDialog gd = new GenericDialog(title);
        addOptionFields(gd, models, defaultModel);
        gd.addMessage("Temperature and vividness (0-1; lower turns unsure colors gray)\napply to distribution (313-bin) models only;\n"
                + ColorizeOptions.DEFAULT + " uses the model card's.\n"
                + "The result is a new image; its colors are AI-inferred.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        return readOptionFields(gd);
    }

    /** The colorization options' fields (model, device, upsample, temperature, vividness), prefilled. */
    static void addOptionFields(GenericDialog gd, List<String> models, String defaultModel) {
        Map<String, String> d = prefilled(defaultModel);
        gd.addChoice(ColorizeOptions.label(ColorizeOptions.MODEL), models.toArray(new String[0]), d.get(ColorizeOptions.MODEL));
        gd.addChoice(ColorizeOptions.label(ColorizeOptions.DEVICE), keys(DeviceChoice.values()), d.get(ColorizeOptions.DEVICE));
        gd.addChoice(ColorizeOptions.label(ColorizeOptions.UPSAMPLE), keys(Upsampling.values()), d.get(ColorizeOptions.UPSAMPLE));
        gd.addStringField(ColorizeOptions.label(ColorizeOptions.TEMPERATURE), d.get(ColorizeOptions.TEMPERATURE), 8);
        gd.addStringField(ColorizeOptions.label(ColorizeOptions.VIVIDNESS), d.get(ColorizeOptions.VIVIDNESS), 8);
    }

    /** Reads back what {@link #addOptionFields} added, in its order; call before the dialog's own further fields. */
    static ColorizeOptions readOptionFields(GenericDialog gd) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ColorizeOptions.MODEL, gd.getNextChoice());
        values.put(ColorizeOptions.DEVICE, gd.getNextChoice());
        values.put(ColorizeOptions.UPSAMPLE, gd.getNextChoice());
        values.put(ColorizeOptions.TEMPERATURE, gd.getNextString());
        values.put(ColorizeOptions.VIVIDNESS, gd.getNextString());
        return ColorizeOptions.fromMap(values);
    }

    private static String[] keys(Enum<?>[] values) {
        String[] keys = new String[values.length];
        for (int i = 0; i < values.length; i++) keys[i] = EnumKeys.key(values[i]);
        return keys;
    }
}
