package org.colorize.train.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Corpus-wide de-duplication. Exact duplicates share the SHA-256 of their decoded pixels; near
 * duplicates (rescaled, recompressed, lightly edited copies) have perceptual hashes within
 * {@link PerceptualHash#NEAR_DUPLICATE_BITS} bits. Of each group the largest source is kept (ties:
 * the earlier package in the registry, then the path). Near duplicates are found greedily from
 * the largest image down, so a chain of small differences cannot merge unrelated pictures.
 */
public final class Deduplicator {

    /** A dropped candidate and the kept one it duplicates. */
    public record Dropped(Candidate dropped, Candidate keptInstead, String reason) {
    }

    public record Result(List<Candidate> kept, List<Dropped> dropped) {
    }

    private Deduplicator() {
    }

    /** @param packageOrder rank of a package (lower is preferred on ties) */
    public static Result dedupe(List<Candidate> candidates, ToIntFunction<String> packageOrder, int maxBits) {
        Comparator<Candidate> preference = Comparator.comparingLong(Candidate::sourceArea).reversed()
                .thenComparingInt(c -> packageOrder.applyAsInt(c.pkg()))
                .thenComparing(Candidate::originalPath);
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(preference);
        List<Dropped> dropped = new ArrayList<>();
        Map<String, Candidate> byPixels = new HashMap<>();
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            Candidate same = byPixels.get(c.pixelSha256());
            if (same != null) {
                dropped.add(new Dropped(c, same, "exact-duplicate"));
                continue;
            }
            Candidate near = null;
            int best = Integer.MAX_VALUE;
            for (Candidate k : kept) {
                int d = PerceptualHash.distance(k.phash(), c.phash());
                if (d <= maxBits && d < best) {
                    best = d;
                    near = k;
                }
            }
            if (near != null) {
                dropped.add(new Dropped(c, near, "near-duplicate (" + best + " bits)"));
                continue;
            }
            byPixels.put(c.pixelSha256(), c);
            kept.add(c);
        }
        return new Result(kept, dropped);
    }
}
