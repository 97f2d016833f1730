package io.podwatch.collectors.audit.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts serials that never showed up: possibly lost events. Serials arrive slightly out of order
 * (records from several CPUs interleave), so a serial only counts as missing once it falls out of
 * a window of {@value #WINDOW} below the highest serial seen. Serials are 32-bit and wrap
 * 4294967295 → 0, which is a step of +1. A big step back (reboot) or forward restarts counting.
 * Per {@code node=}; at most {@value #MAX_NODES} nodes are tracked.
 */
final class SerialGaps {
    static final int WINDOW = 1024;
    private static final long MOD = 1L << 32;
    private static final long MAX_JUMP = 1_000_000;
    private static final int MAX_NODES = 256;

    private final Map<String, Window> nodes = new HashMap<>();
    private long lost;

    void observe(String node, long serial) {
        String k = node == null ? "" : node;
        Window w = nodes.get(k);
        if (w == null) {
            if (nodes.size() >= MAX_NODES) {
                return;
            }
            nodes.put(k, new Window(serial));
            return;
        }
        lost += w.observe(serial);
    }

    long lost() {
        return lost;
    }

    private static final class Window {
        private final boolean[] seen = new boolean[WINDOW];
        private long max;

        Window(long serial) {
            reset(serial);
        }

        private void reset(long serial) {
            java.util.Arrays.fill(seen, true);
            max = serial;
        }

        /** Returns how many serials were found missing by this step. */
        long observe(long serial) {
            long ahead = Math.floorMod(serial - max, MOD);
            if (ahead == 0) {
                return 0;
            }
            if (ahead < MAX_JUMP) {
                long missing = 0;
                for (long i = 1; i <= ahead; i++) {
                    int slot = (int) ((max + i) % WINDOW);
                    if (!seen[slot]) {
                        missing++; // the serial WINDOW below this one never came
                    }
                    seen[slot] = i == ahead;
                }
                max = (max + ahead) % MOD;
                return missing;
            }
            long behind = MOD - ahead;
            if (behind < WINDOW) {
                seen[(int) (serial % WINDOW)] = true;
                return 0;
            }
            reset(serial);
            return 0;
        }
    }
}
