package io.podwatch.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes in config: {@code 4096}, {@code 512KiB}, {@code 10MiB}, {@code 1GiB} (powers of 1024). */
public final class ByteSizes {
    private static final Pattern SYNTAX = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    private ByteSizes() {
    }

    public static long parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KiB" -> Math.multiplyExact(n, 1024L);
            case "MiB" -> Math.multiplyExact(n, 1024L * 1024);
            case "GiB" -> Math.multiplyExact(n, 1024L * 1024 * 1024);
            default -> n;
        };
    }

    public static String format(long bytes) {
        for (String unit : new String[] {"GiB", "MiB", "KiB"}) {
            long f = switch (unit) {
                case "GiB" -> 1L << 30;
                case "MiB" -> 1L << 20;
                default -> 1L << 10;
            };
            if (bytes >= f && bytes % f == 0) {
                return bytes / f + unit;
            }
        }
        return bytes + "B";
    }
}
