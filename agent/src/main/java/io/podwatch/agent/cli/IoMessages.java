package io.podwatch.agent.cli;

import io.podwatch.core.text.Causes;

/**
 * An I/O failure as an operator reads it: what went wrong in words, never a Java class name
 * ({@code NoSuchFileException: /x} says less than "no such file"). The CLI names the file itself.
 */
final class IoMessages {
    private IoMessages() {
    }

    static String describe(Throwable e) {
        return Causes.describe(e);
    }
}
