package org.colorize.importer;

/**
 * Bounds the pickle machine enforces before it allocates anything. A state dict of the largest
 * published colorization network (InstColorization's fusion net, ~500 tensors) stays far below
 * each of them.
 *
 * @param maxDepth       nesting of containers (tuple in list in dict …) and of MARK
 * @param maxStack       values on the stack at once
 * @param maxMemo        memo entries
 * @param maxItems       values created in total (every int, string, container …)
 * @param maxStringBytes length of one string or bytes value
 * @param maxPickleBytes length of one pickle (data.pkl, or a pickle of the legacy format)
 * @param maxTensors     tensors in one state dict
 * @param maxRank        dimensions of one tensor
 */
public record PickleLimits(int maxDepth, int maxStack, int maxMemo, long maxItems, int maxStringBytes,
        long maxPickleBytes, int maxTensors, int maxRank) {

    /** The limits {@link PthReader} uses. */
    public static PickleLimits standard() {
        return new PickleLimits(64, 1 << 20, 1 << 20, 1L << 24, 1 << 20, 256L << 20, 100_000, 8);
    }
}
