package io.podwatch.core.posture;

import java.util.List;
import java.util.Map;

/** The configured allow rules; the first rule that matches a failing finding accepts it. */
public final class Allowlist {
    private final List<AllowRule> rules;

    public Allowlist(List<AllowRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Allowlist none() {
        return new Allowlist(List.of());
    }

    /**
     * The finding as reported: accepted with the rule's reason when a rule matches, else unchanged.
     * Unknown outcomes stay unknown.
     *
     * @param labels the container's labels (empty for host findings)
     */
    public Finding apply(Finding finding, Map<String, String> labels) {
        if (finding.status() != FindingStatus.FAILING) {
            return finding;
        }
        for (AllowRule r : rules) {
            if (r.matches(finding, labels)) {
                return finding.accepted(r.reason());
            }
        }
        return finding;
    }

    public List<AllowRule> rules() {
        return rules;
    }
}
