package io.podwatch.agent.status;

import java.time.Duration;
import java.time.Instant;

/**
 * One container's last hour for the charts: CPU (cores), memory (bytes), network receive and
 * transmit (bytes/s) and the highest anomaly score, one point per collection, in fixed-size float
 * rings. Points closer than {@link #STEP} are merged (averaged; the score keeps its maximum), so a
 * 1 s interval costs no more than the default 5 s: {@link #POINTS} points cover the hour either way.
 * Written on the processing thread, copied by the HTTP thread; the lock is held for an array copy only.
 */
public final class History {
    public static final Duration STEP = Duration.ofSeconds(5);
    public static final int POINTS = (int) (Duration.ofHours(1).toSeconds() / STEP.toSeconds());
    static final int SERIES = 5;
    /** Arrays of one history: epoch seconds plus the float series, 4 bytes each per point, plus headers. */
    public static final long BYTES = (long) (SERIES + 1) * (POINTS * 4L + 16) + 64;

    private final int[] time = new int[POINTS];
    private final float[][] values = new float[SERIES][POINTS];
    private int next;
    private int size;
    private int merged = 1;

    /** The five values of one collection, in {@link Points#NAMES} order; NaN where unknown. */
    public synchronized void add(Instant at, double... v) {
        int t = (int) at.getEpochSecond();
        int last = (next - 1 + POINTS) % POINTS;
        if (size > 0 && t - time[last] < STEP.toSeconds()) {
            for (int s = 0; s < SERIES; s++) {
                float old = values[s][last];
                float now = (float) v[s];
                values[s][last] = Float.isNaN(old) ? now : Float.isNaN(now) ? old
                        : s == SERIES - 1 ? Math.max(old, now) : (old * merged + now) / (merged + 1);
            }
            merged++;
            return;
        }
        time[next] = t;
        for (int s = 0; s < SERIES; s++) {
            values[s][next] = (float) v[s];
        }
        next = (next + 1) % POINTS;
        size = Math.min(size + 1, POINTS);
        merged = 1;
    }

    /** The points in time order. */
    public synchronized Points copy() {
        long[] t = new long[size];
        double[][] out = new double[SERIES][size];
        int start = (next - size + POINTS) % POINTS;
        for (int i = 0; i < size; i++) {
            int at = (start + i) % POINTS;
            t[i] = time[at];
            for (int s = 0; s < SERIES; s++) {
                out[s][i] = values[s][at];
            }
        }
        return new Points(t, out);
    }

    /** A copy for the API: epoch seconds and one array per series. */
    public record Points(long[] time, double[][] series) {
        public static final String[] NAMES = {"cpu_cores", "memory_bytes", "network_receive_bytes_per_second",
            "network_transmit_bytes_per_second", "anomaly_score"};
    }
}
