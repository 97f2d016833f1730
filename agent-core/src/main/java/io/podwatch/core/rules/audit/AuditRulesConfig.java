package io.podwatch.core.rules.audit;

import io.podwatch.core.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit rules: the operator's own rules ({@code audit.rules}, each a mapping of the
 * {@link AuditRuleKeys}) added to the defaults, whether the defaults apply, and how long a rule must stay quiet
 * before its alert resolves.
 */
public record AuditRulesConfig(List<AuditRule> rules, Duration quietPeriod) {
    /** Builds the rule list; throws IllegalArgumentException naming the key of a rule without a name. */
    public static AuditRulesConfig from(Config c) {
        List<AuditRule> rules = new ArrayList<>(c.get(AuditRuleKeys.DEFAULT_RULES) ? DefaultAuditRules.all() : List.of());
        List<Config> own = c.get(AuditRuleKeys.RULES);
        for (int i = 0; i < own.size(); i++) {
            rules.add(AuditRuleKeys.rule(own.get(i), "audit.rules[" + i + "]"));
        }
        return new AuditRulesConfig(List.copyOf(rules), c.get(AuditRuleKeys.QUIET_PERIOD));
    }
}
