package io.podwatch.core.posture;

import java.util.Locale;

/** Where a finding stands. A passing check produces no finding at all. */
public enum FindingStatus {
    /** The recommendation is not followed. */
    FAILING,
    /** Not followed, but an allow rule records that the operator accepts it (and why). */
    ACCEPTED,
    /** The check could not tell (a command or file it needs is missing); never alerts. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
