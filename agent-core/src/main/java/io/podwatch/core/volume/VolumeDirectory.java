package io.podwatch.core.volume;

import java.util.Map;
import java.util.Optional;

/**
 * The watched volumes, published by the volume watcher and read by the detectors: the watcher
 * thread replaces the whole map, readers see one consistent snapshot. Thread-safe.
 */
public final class VolumeDirectory {
    /** Prefix of the audit rule keys podwatch adds for volumes: {@code podwatch-vol:<id>}. */
    public static final String AUDIT_KEY_PREFIX = "podwatch-vol:";

    private volatile Map<String, VolumeView> byId = Map.of();
    private volatile boolean auditWatching;

    public void publish(Map<String, VolumeView> volumes, boolean auditRulesInstalled) {
        byId = Map.copyOf(volumes);
        auditWatching = auditRulesInstalled;
    }

    /** Set by the watcher after each audit-rule reconcile. */
    public void auditWatching(boolean installed) {
        auditWatching = installed;
    }

    public Optional<VolumeView> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, VolumeView> all() {
        return byId;
    }

    /** Whether audit rules are in place, so an inotify finding is worth holding for the audit record. */
    public boolean auditWatching() {
        return auditWatching;
    }

    /** The volume id of an audit key, or null when the key is not one of podwatch's volume keys. */
    public static String idOfKey(String key) {
        return key != null && key.startsWith(AUDIT_KEY_PREFIX) ? key.substring(AUDIT_KEY_PREFIX.length()) : null;
    }
}
