package io.podwatch.collectors.podman.cgroup;

import io.podwatch.collectors.podman.stats.NetStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parsers for the text formats of cgroup v1/v2 files and {@code /proc/PID/net/dev}. Pure. */
public final class CgroupText {
    /** Compiled once: String.split with a regex compiles it on every call, per line, per container. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private CgroupText() {
    }

    /** A single number; "max" (v2 unlimited) is -1; null text is NaN. */
    static double single(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.trim();
        if (t.equals("max")) {
            return -1;
        }
        return t.isEmpty() ? Double.NaN : Double.parseDouble(t);
    }

    /**
     * The values of {@code keys} in "key value" lines (memory.stat, cpu.stat, memory.events), NaN
     * where absent or null. Scans without splitting or boxing: v1 memory.stat has ~70 lines per
     * container and only a few are wanted, every interval, for every container.
     */
    static double[] keyed(String text, String... keys) {
        double[] out = new double[keys.length];
        java.util.Arrays.fill(out, Double.NaN);
        if (text == null) {
            return out;
        }
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            int sp = text.indexOf(' ', pos);
            if (sp > pos && sp < eol) {
                for (int k = 0; k < keys.length; k++) {
                    String key = keys[k];
                    if (key.length() == sp - pos && text.startsWith(key, pos)) {
                        out[k] = parse(text, sp + 1, eol);
                        break;
                    }
                }
            }
            pos = eol + 1;
        }
        return out;
    }

    private static double parse(String text, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Double.parseDouble(text.substring(from, to).trim());
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** v1 blkio "MAJ:MIN Op value" lines summed per Op over devices: {Read, Write}. NaN when null. */
    static double[] blkioReadWrite(String text) {
        if (text == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double read = 0;
        double write = 0;
        for (String line : text.split("\n")) {
            String[] f = SPACES.split(line.trim());
            if (f.length == 3 && f[0].contains(":")) {
                if (f[1].equals("Read")) {
                    read += Double.parseDouble(f[2]);
                } else if (f[1].equals("Write")) {
                    write += Double.parseDouble(f[2]);
                }
            }
        }
        return new double[] {read, write};
    }

    /** v2 io.stat "MAJ:MIN rbytes=.. wbytes=.." summed over devices: {rbytes, wbytes}. NaN when null. */
    static double[] ioStatReadWrite(String text) {
        if (text == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double read = 0;
        double write = 0;
        for (String line : text.split("\n")) {
            for (String kv : SPACES.split(line.trim())) {
                if (kv.startsWith("rbytes=")) {
                    read += Double.parseDouble(kv.substring(7));
                } else if (kv.startsWith("wbytes=")) {
                    write += Double.parseDouble(kv.substring(7));
                }
            }
        }
        return new double[] {read, write};
    }

    /** /proc/PID/net/dev without the loopback (cAdvisor leaves it out too). */
    public static List<NetStats> netDev(String text) {
        List<NetStats> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue;
            }
            String iface = line.substring(0, colon).trim();
            String[] f = SPACES.split(line.substring(colon + 1).trim());
            if (iface.equals("lo") || f.length < 16) {
                continue;
            }
            out.add(new NetStats(iface, d(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[8]), d(f[9]), d(f[10]), d(f[11])));
        }
        return out;
    }

    /** /proc/PID/cgroup: controller (v1) or "" (v2 unified) to path. */
    static Map<String, String> procCgroup(String text) {
        Map<String, String> out = new HashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3) {
                for (String controller : f[1].split(",")) {
                    out.put(controller, f[2].trim());
                }
            }
        }
        return out;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
