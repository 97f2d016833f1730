package io.podwatch.core.config;

import io.podwatch.core.text.Printable;
import io.podwatch.core.text.Redact;

/**
 * One problem in a config file, pinned to where it is.
 *
 * @param line 1-based, 0 when the problem is not at one place (e.g. an unreadable file)
 * @param found the offending value as written, or null when there is no value to show
 */
public record ConfigError(String file, int line, String key, String found, String expected) {
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        // the found value is what the operator wrote: a URL in it may carry a token
        String what = found == null ? "expected " + expected
                : "found '" + Printable.escape(Redact.urls(found)) + "', expected " + expected;
        return key.isEmpty() ? where + ": " + what : where + ": " + key + ": " + what;
    }
}
