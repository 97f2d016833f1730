package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.index.VolumeIndex;
import io.podwatch.core.volume.VolumeView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** One watched mount source and everything the worker knows of it. Owned by the worker thread. */
final class WatchedVolume {
    final String id;
    final Path source;
    final long dev;
    final long ino;
    final int rootFd;
    String name;
    List<VolumeView.MountUse> mounts = List.of();
    VolumeIndex index = new VolumeIndex();
    final Map<Integer, String> wds = new HashMap<>();
    boolean scanOnly;
    String scanOnlyReason = "";
    boolean dirty;
    long dirtySinceNanos;
    long lastScanNanos;
    long changes;
    long lastEventWallNanos;
    boolean rootGone;

    WatchedVolume(Path source, long dev, long ino, int rootFd, String name) {
        this.id = idOf(source);
        this.source = source;
        this.dev = dev;
        this.ino = ino;
        this.rootFd = rootFd;
        this.name = name;
    }

    /** 12 hex digits of SHA-256 of the source path: stable across restarts, short enough for an audit key. */
    static String idOf(Path source) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(source.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    VolumeView view() {
        return new VolumeView(id, name, source.toString(), mounts);
    }

    void markDirty(long now) {
        if (!dirty) {
            dirty = true;
            dirtySinceNanos = now;
        }
    }

    /** Host path of {@code rel}. */
    String hostPath(String rel) {
        return rel.isEmpty() ? source.toString() : source + "/" + rel;
    }
}
