package io.podwatch.collectors.audit;

import java.util.OptionalLong;

/**
 * The kernel audit status as {@code auditctl -s} prints it ({@code enabled 1}, {@code lost 0},
 * {@code backlog 0}, {@code backlog_limit 8192} ...), plus the rule count from {@code auditctl -l}.
 * Parsing is separate from running the command so it is tested on strings.
 */
public record AuditStatus(long enabled, long lost, long backlog, long backlogLimit, long rules) {
    /** Parses {@code auditctl -s} and {@code auditctl -l} output; missing values are -1. */
    public static AuditStatus parse(String status, String rulesList) {
        return new AuditStatus(value(status, "enabled").orElse(-1), value(status, "lost").orElse(-1),
                value(status, "backlog").orElse(-1), value(status, "backlog_limit").orElse(-1),
                rulesList == null ? -1 : countRules(rulesList));
    }

    static OptionalLong value(String text, String key) {
        for (String line : text.split("\n")) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 2 && p[0].equals(key)) {
                try {
                    return OptionalLong.of(Long.parseLong(p[1]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    static long countRules(String list) {
        return list.lines().filter(l -> l.startsWith("-")).count();
    }
}
