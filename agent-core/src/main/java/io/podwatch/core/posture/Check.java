package io.podwatch.core.posture;

import io.podwatch.core.model.Severity;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Describes one posture check: stable id, what it looks at, why (the seed passage it implements)
 * and how to fix it. Descriptors are constants; {@code docs/checks.md} is generated from them.
 *
 * @param id stable, e.g. {@code PW-C-PRIVILEGED}; C = container, I = images and trust, H = host
 * @param looksAt what the check reads, in one sentence
 * @param quote the seed passage, verbatim
 * @param remediation what to do instead, naming the podman flag where there is one
 */
public record Check(String id, String title, Severity severity, Scope scope, String looksAt, Seed seed,
                    String quote, String remediation) {
    private static final Pattern ID = Pattern.compile("PW-[CIH]-[A-Z0-9]+(-[A-Z0-9]+)*");

    public Check {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(seed, "seed");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id " + id + " does not match " + ID);
        }
        char kind = id.charAt(3);
        if (kind != Character.toUpperCase(scope.name().charAt(0))) {
            throw new IllegalArgumentException("check id " + id + " does not match its scope " + scope.label());
        }
        for (String s : new String[] {title, looksAt, quote, remediation}) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("check " + id + " needs a title, what it looks at, a quote and a remediation");
            }
        }
    }
}
