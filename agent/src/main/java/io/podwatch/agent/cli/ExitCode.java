package io.podwatch.agent.cli;

/** Process exit codes; a bad config has its own so a service manager does not restart-loop on it. */
public final class ExitCode {
    public static final int OK = 0;
    /** A check found what it was asked to fail on ({@code check --fail-on}). */
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int BAD_CONFIG = 3;
    public static final int FATAL_STARTUP = 4;

    private ExitCode() {
    }
}
