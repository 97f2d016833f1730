package io.podwatch.core.text;

/**
 * Makes untrusted text safe for a terminal line. Container names, file names, argv and log lines
 * are chosen by whoever can create a container or a file; written raw, a newline forges a whole
 * output line and an escape sequence reaches the operator's terminal. Every control character
 * (C0, DEL, C1) and the Unicode line/paragraph separators and bidi overrides are written as a
 * visible escape ({@code \n}, {@code \t}, {@code \x1b}, {@code \u202e}); a backslash stays a
 * backslash, so the output stays readable for the common case.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code s} with every control character escaped; null becomes the empty string. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    static boolean needsEscape(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
