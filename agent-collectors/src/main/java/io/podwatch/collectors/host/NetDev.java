package io.podwatch.collectors.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code /proc/net/dev}: every interface's counters in one read. OSHI reads ~10 sysfs files
 * per interface instead, which with one veth per container made the host collector the agent's
 * largest CPU cost at a 1 s interval; node_exporter reads this file too.
 */
final class NetDev {
    /** One interface's counters, in the file's order. */
    record Counters(String device, long rxBytes, long rxPackets, long rxErrs, long rxDrop, long txBytes,
                    long txPackets, long txErrs) {
    }

    private NetDev() {
    }

    static List<Counters> parse(String text) {
        List<Counters> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue; // the two header lines
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 16) {
                continue;
            }
            out.add(new Counters(line.substring(0, colon).trim(), Long.parseLong(f[0]), Long.parseLong(f[1]),
                    Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[8]), Long.parseLong(f[9]),
                    Long.parseLong(f[10])));
        }
        return out;
    }
}
