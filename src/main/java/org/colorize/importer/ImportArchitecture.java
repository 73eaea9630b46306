package org.colorize.importer;

import java.util.Arrays;
import java.util.List;

/**
 * The published networks {@code colorize import} understands, by the key {@code --arch} takes.
 * {@link #INSTCOLOR} is InstColorization's three networks together (GComp as the file, G and GF as
 * companions), imported by {@link InstColorizationImporter} as one instance-aware model.
 */
public enum ImportArchitecture {
    /** Zhang et al. 2016, {@code colorization_release_v2-9b330a0b.pth}. */
    ECCV16("eccv16", "zhang-eccv16", Double.NaN,
            "Zhang, Isola, Efros: Colorful Image Colorization (ECCV 2016), https://github.com/richzhang/colorization"),
    /** Zhang et al. 2017, {@code siggraph17-df00044c.pth}; "no hint" mask 0. */
    SIGGRAPH17("siggraph17", "siggraph17-unet", 0.0,
            "Zhang, Zhu, Isola, Geng, Lin, Yu, Efros: Real-Time User-Guided Image Colorization with Learned Deep Priors"
                    + " (SIGGRAPH 2017), https://github.com/richzhang/colorization"),
    /** InstColorization's full-image network, {@code latest_net_GComp.pth}; "no hint" mask −0.5. */
    INSTCOLOR_FULL("instcolor-full", "siggraph17-unet", -0.5,
            "Su, Chu, Huang: Instance-aware Image Colorization (CVPR 2020), full-image network (GComp),"
                    + " https://github.com/ericsujw/InstColorization"),
    /** InstColorization's instance network, {@code latest_net_G.pth}; "no hint" mask −0.5. */
    INSTCOLOR_INSTANCE("instcolor-instance", "siggraph17-unet", -0.5,
            "Su, Chu, Huang: Instance-aware Image Colorization (CVPR 2020), instance network (G),"
                    + " https://github.com/ericsujw/InstColorization"),
    /**
     * InstColorization's checkpoint folder as one instance-aware model: {@code latest_net_GComp.pth}
     * with {@code --instance latest_net_G.pth --fusion latest_net_GF.pth}.
     */
    INSTCOLOR("instcolor", InstColorizationImporter.FUSION_ARCHITECTURE, -0.5, InstColorizationImporter.SOURCE);

    private final String key;
    private final String cardArchitecture;
    private final double maskOffset;
    private final String source;

    ImportArchitecture(String key, String cardArchitecture, double maskOffset, String source) {
        this.key = key;
        this.cardArchitecture = cardArchitecture;
        this.maskOffset = maskOffset;
        this.source = source;
    }

    /** What {@code --arch} says, e.g. {@code instcolor-full}. */
    public String key() {
        return key;
    }

    /** The architecture name the card records. */
    public String cardArchitecture() {
        return cardArchitecture;
    }

    /** The paper and repository the weights come from. */
    public String source() {
        return source;
    }

    /** True for {@link #INSTCOLOR}, which takes the instance and fusion files besides the full-image one. */
    public boolean needsCompanions() {
        return this == INSTCOLOR;
    }

    /** The network this checkpoint describes, its width (and class head) read from the tensors' shapes. */
    NetworkSpec spec(StateDict sd) throws CheckpointException {
        if (needsCompanions()) throw new CheckpointException("--arch " + key + " imports three files: give --instance and --fusion too");
        return this == ECCV16 ? Eccv16Spec.of(sd) : Siggraph17Spec.of(sd, maskOffset);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ImportArchitecture::key).toList();
    }

    /** The architecture for {@code key}; an error listing the keys for anything else. */
    public static ImportArchitecture parse(String key) {
        for (ImportArchitecture a : values()) {
            if (a.key.equals(key)) return a;
        }
        throw new IllegalArgumentException("unknown architecture '" + key + "' (one of " + String.join(", ", keys()) + ")");
    }
}
