package io.podwatch.collectors.volume.audit;

import io.podwatch.collectors.exec.CommandRunner;
import io.podwatch.core.volume.VolumeDirectory;
import io.podwatch.core.volume.VolumeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * podwatch's own audit rules, one per watched source:
 * {@code -a always,exit -F dir=SOURCE -F perm=wa -k podwatch-vol:ID}. The kernel deletes a rule
 * when its directory goes away, so every reconcile compares {@code auditctl -l} with the wanted set
 * and re-adds what is missing. Only rules this instance added are ever removed, each by its exact
 * text (auditd is shared: never {@code auditctl -D}). Called from the collector thread only.
 */
public final class VolumeAuditRules {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern KEY = Pattern.compile("(?:-k |key=)" + Pattern.quote(VolumeDirectory.AUDIT_KEY_PREFIX)
            + "([0-9a-f]+)");
    private static final Pattern ENABLED = Pattern.compile("(?m)^enabled (\\d+)");
    private static final Pattern BACKLOG_LIMIT = Pattern.compile("(?m)^backlog_limit (\\d+)");

    private final CommandRunner runner;
    private final String auditctl;
    /** id → source of the rules this instance added and believes loaded. */
    private final Map<String, String> added = new LinkedHashMap<>();
    private volatile int loaded;
    private volatile boolean locked;
    private volatile long backlogLimit = -1;
    private volatile String lastError = "";

    public VolumeAuditRules(CommandRunner runner, String auditctl) {
        this.runner = runner;
        this.auditctl = auditctl;
    }

    /** The argv that adds ({@code -a}) or deletes ({@code -d}) the rule of one source. */
    static List<String> rule(String auditctl, String op, String id, String source) {
        return List.of(auditctl, op, "always,exit", "-F", "dir=" + source, "-F", "perm=wa", "-k",
                VolumeDirectory.AUDIT_KEY_PREFIX + id);
    }

    /** Makes the loaded rules match {@code wanted}; returns false when auditctl is unusable here. */
    public synchronized boolean reconcile(Map<String, VolumeView> wanted) throws InterruptedException {
        CommandRunner.Result status = runner.run(List.of(auditctl, "-s"), TIMEOUT);
        CommandRunner.Result list = runner.run(List.of(auditctl, "-l"), TIMEOUT);
        if (!status.ok() || !list.ok()) {
            lastError = (status.ok() ? list : status).stderr().strip();
            loaded = 0;
            return false;
        }
        locked = number(ENABLED, status.stdout()) == 2;
        backlogLimit = number(BACKLOG_LIMIT, status.stdout());
        Set<String> present = keys(list.stdout());
        for (Map.Entry<String, String> e : new ArrayList<>(added.entrySet())) {
            if (!wanted.containsKey(e.getKey()) && !locked) {
                runner.run(rule(auditctl, "-d", e.getKey(), e.getValue()), TIMEOUT);
                added.remove(e.getKey());
                present.remove(e.getKey());
            }
        }
        int n = 0;
        for (VolumeView v : wanted.values()) {
            if (present.contains(v.id())) {
                n++;
                continue;
            }
            if (locked) {
                continue; // rules are immutable until reboot (auditctl -e 2): reported as a metric
            }
            CommandRunner.Result r = runner.run(rule(auditctl, "-a", v.id(), v.source()), TIMEOUT);
            if (r.ok()) {
                added.put(v.id(), v.source());
                n++;
            } else {
                lastError = r.stderr().strip();
            }
        }
        loaded = n;
        return true;
    }

    static Set<String> keys(String auditctlList) {
        Set<String> out = new HashSet<>();
        Matcher m = KEY.matcher(auditctlList);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static long number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Deletes exactly the rules this instance added. */
    public synchronized void removeAll() throws InterruptedException {
        for (Map.Entry<String, String> e : added.entrySet()) {
            runner.run(rule(auditctl, "-d", e.getKey(), e.getValue()), TIMEOUT);
        }
        added.clear();
        loaded = 0;
    }

    public int loaded() {
        return loaded;
    }

    public boolean locked() {
        return locked;
    }

    public long backlogLimit() {
        return backlogLimit;
    }

    public String lastError() {
        return lastError;
    }
}
