package io.podwatch.collectors.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Audit rules a test adds to the shared, running auditd and removes again — each by its exact
 * spec, never {@code auditctl -D}, since other tests (and other people) use the same auditd.
 */
public final class AuditRules implements AutoCloseable {
    private final List<List<String>> added = new ArrayList<>();

    /** Adds one rule, e.g. {@code "-w", "/etc/shadow", "-p", "r", "-k", "key"}. */
    public AuditRules add(String... rule) {
        List<String> cmd = new ArrayList<>(List.of("auditctl"));
        cmd.addAll(List.of(rule));
        Host.run(Map.of(), cmd);
        added.add(List.of(rule));
        return this;
    }

    /** Runs {@code script} under {@code sh -c} with login uid {@code auid}, as a login session would. */
    public static String asUser(long auid, Map<String, String> env, List<String> argv) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "echo " + auid + " > /proc/self/loginuid && exec \"$@\"",
                "sh"));
        cmd.addAll(argv);
        return Host.run(env, cmd);
    }

    @Override
    public void close() {
        for (List<String> r : added) {
            List<String> cmd = new ArrayList<>(List.of("auditctl"));
            cmd.add(r.get(0).equals("-w") ? "-W" : "-d");
            cmd.addAll(r.subList(1, r.size()));
            try {
                Host.run(Map.of(), cmd);
            } catch (RuntimeException e) {
                // already gone: nothing left to remove
            }
        }
        added.clear();
    }
}
