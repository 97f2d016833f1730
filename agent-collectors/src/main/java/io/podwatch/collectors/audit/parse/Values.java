package io.podwatch.collectors.audit.parse;

import java.nio.charset.StandardCharsets;

/**
 * Decoding of audit value encodings. The kernel writes an untrusted string in double quotes when it
 * is plain printable ASCII without spaces or quotes, else as upper-case hex of its bytes (always hex
 * above 7,500 bytes in EXECVE); {@code (null)} means no value.
 */
final class Values {
    private Values() {
    }

    static String text(byte[] b, int s, int e) {
        if (e - s >= 2 && b[s] == '"') {
            int end = b[e - 1] == '"' ? e - 1 : e;
            return new String(b, s + 1, end - s - 1, StandardCharsets.UTF_8);
        }
        if (isNull(b, s, e)) {
            return null;
        }
        if (isHex(b, s, e)) {
            return new String(unhex(b, s, e), StandardCharsets.UTF_8);
        }
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    static byte[] bytes(byte[] b, int s, int e) {
        if (e - s >= 2 && b[s] == '"') {
            int end = b[e - 1] == '"' ? e - 1 : e;
            byte[] out = new byte[end - s - 1];
            System.arraycopy(b, s + 1, out, 0, out.length);
            return out;
        }
        if (isNull(b, s, e)) {
            return new byte[0];
        }
        if (isHex(b, s, e)) {
            return unhex(b, s, e);
        }
        byte[] out = new byte[e - s];
        System.arraycopy(b, s, out, 0, out.length);
        return out;
    }

    static boolean isNull(byte[] b, int s, int e) {
        return e - s == 6 && b[s] == '(' && b[s + 1] == 'n' && b[s + 2] == 'u' && b[s + 3] == 'l'
                && b[s + 4] == 'l' && b[s + 5] == ')';
    }

    static boolean isHex(byte[] b, int s, int e) {
        if (e <= s || ((e - s) & 1) != 0) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (nibble(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] unhex(byte[] b, int s, int e) {
        byte[] out = new byte[(e - s) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (nibble(b[s + 2 * i]) << 4 | nibble(b[s + 2 * i + 1]));
        }
        return out;
    }

    private static final byte[] NIBBLES = new byte[256];

    static {
        java.util.Arrays.fill(NIBBLES, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            NIBBLES[c] = (byte) (c - '0');
        }
        for (int c = 'A'; c <= 'F'; c++) {
            NIBBLES[c] = (byte) (c - 'A' + 10);
            NIBBLES[c + 32] = (byte) (c - 'A' + 10);
        }
    }

    static int nibble(byte c) {
        return NIBBLES[c & 0xff];
    }

    static long decimal(byte[] b, int s, int e, long fallback) {
        boolean neg = e > s && b[s] == '-';
        int i = neg ? s + 1 : s;
        if (i >= e || e - i > 19) {
            return fallback;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return fallback;
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    static long hex(byte[] b, int s, int e, long fallback) {
        if (e <= s || e - s > 16) {
            return fallback;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = nibble(b[i]);
            if (d < 0) {
                return fallback;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
