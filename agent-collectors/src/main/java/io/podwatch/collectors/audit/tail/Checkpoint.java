package io.podwatch.collectors.audit.tail;

import java.util.List;

/**
 * Where to resume: the file (by identity, not name: auditd renames it on rotation) and the offset
 * from which no event is still unfinished, plus the events already handed over that start after
 * it, so a restart neither loses nor repeats an event.
 *
 * @param fileKey the file's identity ({@code BasicFileAttributes.fileKey()}: device and inode)
 * @param emitted {@code EventKey.format()} of events handed over that start at or after offset
 */
public record Checkpoint(String fileKey, long offset, List<String> emitted) {
    public Checkpoint {
        emitted = List.copyOf(emitted);
    }
}
