package io.podwatch.core.lifecycle;

/**
 * A component refuses to start for a reason the operator must fix, and its message says all of
 * it in one line: what (a key or path), what is wrong, who holds it. Start-up reports it as is,
 * without the component's name or an exception's class, and does not retry.
 */
public final class StartRefused extends Exception {
    public StartRefused(String message) {
        super(message);
    }
}
