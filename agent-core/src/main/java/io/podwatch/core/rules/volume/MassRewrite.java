package io.podwatch.core.rules.volume;

import java.util.HashMap;
import java.util.Map;

/**
 * Ransomware-like bursts per volume: rewrites, renames and deletes counted in 10-second buckets,
 * against an absolute threshold and a multiple of the volume's own moving average (EWMA of past
 * buckets), so a volume that always churns is judged by its own pace. Plain state: processing thread.
 */
final class MassRewrite {
    static final long BUCKET_MS = 10_000;
    private static final double ALPHA = 0.1;

    private final int absolute;
    private final double factor;
    private final Map<String, Bucket> byVolume = new HashMap<>();

    MassRewrite(int absolute, double factor) {
        this.absolute = absolute;
        this.factor = factor;
    }

    private static final class Bucket {
        long start;
        long count;
        double baseline;
        boolean burst;
    }

    /** Counts one destructive change; true when this one makes the current bucket a burst (once per burst). */
    boolean add(String volume, long nowMs) {
        Bucket b = roll(volume, nowMs);
        b.count++;
        if (!b.burst && b.count >= absolute && b.count >= factor * b.baseline) {
            b.burst = true;
            return true;
        }
        return false;
    }

    long count(String volume) {
        Bucket b = byVolume.get(volume);
        return b == null ? 0 : b.count;
    }

    double baseline(String volume) {
        Bucket b = byVolume.get(volume);
        return b == null ? 0 : b.baseline;
    }

    /** Volumes whose burst ended (a whole quiet bucket passed); forgets idle volumes. */
    java.util.List<String> ended(long nowMs) {
        java.util.List<String> out = new java.util.ArrayList<>();
        var it = byVolume.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            Bucket b = e.getValue();
            boolean wasBurst = b.burst;
            roll(e.getKey(), nowMs);
            if (wasBurst && !b.burst) {
                out.add(e.getKey());
            }
            if (!b.burst && b.count == 0 && b.baseline < 0.01) {
                it.remove();
            }
        }
        return out;
    }

    private Bucket roll(String volume, long nowMs) {
        Bucket b = byVolume.computeIfAbsent(volume, v -> {
            Bucket n = new Bucket();
            n.start = nowMs - nowMs % BUCKET_MS;
            return n;
        });
        while (nowMs >= b.start + BUCKET_MS) {
            if (!b.burst) {
                b.baseline = ALPHA * b.count + (1 - ALPHA) * b.baseline; // bursts do not teach the baseline
            }
            // a burst lasts while whole buckets stay above the threshold: one alert per burst
            b.burst = b.burst && b.count >= absolute;
            b.count = 0;
            b.start += BUCKET_MS;
            if (!b.burst && nowMs - b.start > 60 * BUCKET_MS) {
                b.start = nowMs - nowMs % BUCKET_MS; // long idle: jump instead of looping
                b.baseline = 0;
            }
        }
        return b;
    }
}
