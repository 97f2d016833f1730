package io.podwatch.collectors.volume.inotify;

/** inotify(7) mask bits. */
public final class InotifyMask {
    public static final int ATTRIB = 0x4;
    public static final int CLOSE_WRITE = 0x8;
    public static final int MOVED_FROM = 0x40;
    public static final int MOVED_TO = 0x80;
    public static final int CREATE = 0x100;
    public static final int DELETE = 0x200;
    public static final int DELETE_SELF = 0x400;
    public static final int MOVE_SELF = 0x800;
    public static final int UNMOUNT = 0x2000;
    public static final int Q_OVERFLOW = 0x4000;
    public static final int IGNORED = 0x8000;
    public static final int ONLYDIR = 0x01000000;
    public static final int DONT_FOLLOW = 0x02000000;
    public static final int EXCL_UNLINK = 0x04000000;
    public static final int ISDIR = 0x40000000;

    /** What podwatch watches on every directory of a volume. */
    public static final int VOLUME = CREATE | CLOSE_WRITE | ATTRIB | MOVED_FROM | MOVED_TO | DELETE | ONLYDIR
            | DONT_FOLLOW | EXCL_UNLINK;

    private InotifyMask() {
    }
}
