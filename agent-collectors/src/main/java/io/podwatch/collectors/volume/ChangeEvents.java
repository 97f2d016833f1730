package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.scan.FileStat;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.volume.VolumeFields;
import io.podwatch.core.volume.VolumeView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the watcher's ECS file events (category {@code file}, source {@code volume}). Pure. */
final class ChangeEvents {
    private ChangeEvents() {
    }

    /** What one change says beyond the stat: flags and content facts. */
    record Facts(boolean setuidAdded, boolean execAdded, boolean rewrite, String header, String sha256) {
        static final Facts NONE = new Facts(false, false, false, null, null);
    }

    static Event change(Instant now, String action, String reason, VolumeView v, String hostPath, FileStat st,
                        Facts facts) {
        Map<String, Object> f = new LinkedHashMap<>(24);
        f.put(VolumeFields.PATH, hostPath);
        int slash = hostPath.lastIndexOf('/');
        f.put(VolumeFields.NAME, hostPath.substring(slash + 1));
        f.put("file.directory", slash <= 0 ? "/" : hostPath.substring(0, slash));
        if (st != null) {
            f.put(VolumeFields.TYPE, st.type());
            f.put(VolumeFields.INODE, Long.toString(st.ino()));
            f.put(VolumeFields.MODE, st.octalMode());
            f.put(VolumeFields.UID, Long.toString(st.uid()));
            f.put(VolumeFields.SIZE, st.size());
            f.put(VolumeFields.MTIME, Instant.ofEpochSecond(0, st.mtimeNanos()).toString());
            f.put(VolumeFields.CTIME, Instant.ofEpochSecond(0, st.ctimeNanos()).toString());
        }
        if (facts.setuidAdded()) {
            f.put(VolumeFields.SETUID_ADDED, true);
        }
        if (facts.execAdded()) {
            f.put(VolumeFields.EXEC_ADDED, true);
        }
        if (facts.rewrite()) {
            f.put(VolumeFields.REWRITE, true);
        }
        if (facts.header() != null) {
            f.put(VolumeFields.HEADER, facts.header());
        }
        if (facts.sha256() != null) {
            f.put(VolumeFields.SHA256, facts.sha256());
        }
        f.put(VolumeFields.EVENT_TYPE, List.of(eventType(action)));
        f.put(VolumeFields.REASON, reason);
        volume(f, v);
        Severity sev = facts.setuidAdded() ? Severity.HIGH : facts.execAdded() ? Severity.MEDIUM : Severity.INFO;
        String msg = action.replace('-', ' ') + " " + hostPath + " in volume " + v.name()
                + (v.mounts().isEmpty() ? "" : " (" + String.join(", ", v.containerNames()) + ")");
        return new Event(now, EventKind.EVENT, action, "file", sev, VolumeFields.SOURCE,
                v.soleWriter().orElse(null), msg, f);
    }

    /** A volume-level happening: a rescan and what it found, or scan-only mode. */
    static Event volume(Instant now, String action, Severity sev, VolumeView v, String message,
                        Map<String, Object> extra) {
        Map<String, Object> f = new LinkedHashMap<>(extra);
        f.put(VolumeFields.PATH, v.source());
        volume(f, v);
        return new Event(now, EventKind.EVENT, action, "file", sev, VolumeFields.SOURCE, null, message, f);
    }

    private static void volume(Map<String, Object> f, VolumeView v) {
        f.put(VolumeFields.VOLUME_ID, v.id());
        f.put(VolumeFields.VOLUME_NAME, v.name());
        f.put(VolumeFields.VOLUME_SOURCE, v.source());
        if (v.readOnlyEverywhere()) {
            f.put(VolumeFields.VOLUME_READ_ONLY, true);
        }
        if (!v.mounts().isEmpty()) {
            f.put(VolumeFields.CONTAINER_NAMES, v.containerNames());
        }
    }

    private static String eventType(String action) {
        return switch (action) {
            case VolumeFields.CREATED -> "creation";
            case VolumeFields.DELETED -> "deletion";
            default -> "change";
        };
    }
}
