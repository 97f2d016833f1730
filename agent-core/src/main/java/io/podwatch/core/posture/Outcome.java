package io.podwatch.core.posture;

import java.util.Objects;

/**
 * What evaluating one check on one subject gave: pass, fail with evidence, or unknown with the
 * reason it could not tell.
 */
public record Outcome(Kind kind, String detail) {
    public enum Kind { PASS, FAIL, UNKNOWN }

    private static final Outcome PASS = new Outcome(Kind.PASS, "");

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static Outcome pass() {
        return PASS;
    }

    public static Outcome fail(String evidence) {
        return new Outcome(Kind.FAIL, evidence);
    }

    public static Outcome unknown(String why) {
        return new Outcome(Kind.UNKNOWN, why);
    }

    /** Fails with {@code evidence} when {@code failing}, passes otherwise. */
    public static Outcome failIf(boolean failing, String evidence) {
        return failing ? fail(evidence) : PASS;
    }

    public boolean passed() {
        return kind == Kind.PASS;
    }
}
