package io.podwatch.core.volume;

/**
 * Field names and actions of the volume watcher's events (source {@value #SOURCE}, category
 * {@code file}), shared by the watcher that writes them and the detector that reads them. ECS names
 * where ECS has one; {@code volume.*} and the {@code *_added} flags are podwatch's own.
 */
public final class VolumeFields {
    public static final String SOURCE = "volume";

    public static final String PATH = "file.path";
    public static final String NAME = "file.name";
    public static final String INODE = "file.inode";
    public static final String MODE = "file.mode";
    public static final String UID = "file.uid";
    public static final String SIZE = "file.size";
    public static final String MTIME = "file.mtime";
    public static final String CTIME = "file.ctime";
    public static final String TYPE = "file.type";
    public static final String SHA256 = "file.hash.sha256";
    public static final String HEADER = "file.header";
    public static final String SETUID_ADDED = "file.setuid_added";
    public static final String EXEC_ADDED = "file.exec_added";
    public static final String REWRITE = "file.rewrite";
    public static final String EVENT_TYPE = "event.type";
    public static final String REASON = "event.reason";
    public static final String VOLUME_ID = "volume.id";
    public static final String VOLUME_NAME = "volume.name";
    public static final String VOLUME_SOURCE = "volume.source";
    public static final String VOLUME_READ_ONLY = "volume.read_only";
    public static final String CONTAINER_NAMES = "container.names";
    public static final String COUNT = "volume.changes";

    public static final String CREATED = "file-created";
    public static final String CHANGED = "file-changed";
    public static final String ATTRIBUTES = "file-attributes-changed";
    public static final String DELETED = "file-deleted";
    public static final String MOVED = "file-moved";
    /** A volume was rescanned after lost events (overflow, full ring) or at the periodic pass. */
    public static final String RESCANNED = "volume-rescanned";
    /** A volume is watched by scanning only (no inotify watch budget left). */
    public static final String SCAN_ONLY = "volume-scan-only";

    private VolumeFields() {
    }
}
