package org.colorize.model;

import java.util.Locale;

/** Where inference runs: {@code auto} takes the GPU when DJL's TensorFlow engine sees one. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceChoice parse(String key) {
        for (DeviceChoice d : values()) {
            if (d.key().equalsIgnoreCase(key.trim())) return d;
        }
        throw new IllegalArgumentException("device must be auto, cpu or gpu, was '" + key + "'");
    }
}
