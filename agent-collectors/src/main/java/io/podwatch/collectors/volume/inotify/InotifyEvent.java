package io.podwatch.collectors.volume.inotify;

/**
 * One decoded {@code struct inotify_event}. {@code name} is the entry's raw bytes (empty for
 * events on the watched directory itself).
 */
public record InotifyEvent(int wd, int mask, int cookie, byte[] name) {
    public boolean is(int bit) {
        return (mask & bit) != 0;
    }

    public boolean isDir() {
        return is(InotifyMask.ISDIR);
    }
}
