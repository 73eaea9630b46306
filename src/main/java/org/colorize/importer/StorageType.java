package org.colorize.importer;

import java.nio.ByteBuffer;

/**
 * The element types of PyTorch storages, by the class name a checkpoint's pickle gives them
 * ({@code torch.FloatStorage} …), with their size in bytes. Only the floating-point ones can
 * become weights; the others ({@code num_batches_tracked} is a LongStorage) are read as far as
 * their size and skipped.
 */
public enum StorageType {
    FLOAT("FloatStorage", 4),
    DOUBLE("DoubleStorage", 8),
    HALF("HalfStorage", 2),
    BFLOAT16("BFloat16Storage", 2),
    LONG("LongStorage", 8),
    INT("IntStorage", 4),
    SHORT("ShortStorage", 2),
    CHAR("CharStorage", 1),
    BYTE("ByteStorage", 1),
    BOOL("BoolStorage", 1);

    private final String className;
    private final int bytes;

    StorageType(String className, int bytes) {
        this.className = className;
        this.bytes = bytes;
    }

    /** The class in module {@code torch}, e.g. {@code FloatStorage}. */
    public String className() {
        return className;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT || this == DOUBLE || this == HALF || this == BFLOAT16;
    }

    /** The type whose class is {@code torch.<name>}, or null. */
    static StorageType ofClassName(String name) {
        for (StorageType t : values()) {
            if (t.className.equals(name)) return t;
        }
        return null;
    }

    /** Element {@code index} of {@code data} (in the buffer's byte order) as a float. */
    float floatAt(ByteBuffer data, long index) {
        int at = Math.toIntExact(index * bytes);
        return switch (this) {
            case FLOAT -> data.getFloat(at);
            case DOUBLE -> (float) data.getDouble(at);
            case HALF -> halfToFloat(data.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((data.getShort(at) & 0xffff) << 16);
            default -> throw new IllegalStateException(this + " is not a floating-point type");
        };
    }

    /** IEEE 754 binary16 → float (Float.float16ToFloat arrived only in Java 20). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // inf, NaN
        if (exponent == 0) {
            if (mantissa == 0) return Float.intBitsToFloat(sign);
            float subnormal = mantissa * 0x1p-24f; // exact: 10 significant bits
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
