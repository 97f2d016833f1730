package io.podwatch.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the credentials a URL may carry before it is shown: the user-info
 * ({@code http://user:pass@host}) and the query ({@code ?token=…}), where receivers put tokens.
 * Scheme, host, port and path stay, so the operator still sees which receiver is meant.
 * Applied to whole texts (config values, log and event messages), so any URL inside is caught.
 */
public final class Redact {
    public static final String HIDDEN = "<redacted>";
    // scheme://[userinfo@]rest-of-URL up to whitespace or a quote
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s\"'<>]*)");

    private Redact() {
    }

    /** {@code text} with the user-info and the query of every URL in it replaced by {@value #HIDDEN}. */
    public static String urls(String text) {
        if (text == null || !text.contains("://")) {
            return text;
        }
        Matcher m = URL.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + rest(m.group(2))));
        }
        return m.appendTail(sb).toString();
    }

    private static String rest(String afterScheme) {
        int slash = indexOfAny(afterScheme, "/?#");
        String authority = slash < 0 ? afterScheme : afterScheme.substring(0, slash);
        String tail = slash < 0 ? "" : afterScheme.substring(slash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = HIDDEN + "@" + authority.substring(at + 1);
        }
        int q = tail.indexOf('?');
        if (q >= 0) {
            int hash = tail.indexOf('#', q);
            tail = tail.substring(0, q + 1) + HIDDEN + (hash < 0 ? "" : tail.substring(hash));
        }
        return authority + tail;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
