package org.colorize.runtime;

import org.colorize.EnumKeys;

/** Where inference runs: {@code auto} takes the GPU when DJL's TensorFlow engine sees one. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public String key() {
        return EnumKeys.key(this);
    }

    public static DeviceChoice parse(String key) {
        return EnumKeys.parse(DeviceChoice.class, "device", key);
    }
}
