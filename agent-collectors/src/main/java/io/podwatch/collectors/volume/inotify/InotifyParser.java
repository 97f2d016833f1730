package io.podwatch.collectors.volume.inotify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Decodes the bytes one {@code read(2)} of an inotify descriptor returned: a sequence of
 * {@code struct inotify_event {int wd; u32 mask; u32 cookie; u32 len; char name[len];}} in native
 * byte order, the name NUL-padded. The kernel never splits an event across reads. Pure.
 */
public final class InotifyParser {
    static final int HEADER = 16;

    private InotifyParser() {
    }

    /** Hands each event to {@code sink}; returns how many; a truncated tail is ignored (counted by the caller). */
    public static int parse(byte[] chunk, int length, Consumer<InotifyEvent> sink) {
        ByteBuffer b = ByteBuffer.wrap(chunk, 0, length).order(ByteOrder.nativeOrder());
        int n = 0;
        while (b.remaining() >= HEADER) {
            int wd = b.getInt();
            int mask = b.getInt();
            int cookie = b.getInt();
            int len = b.getInt();
            if (len < 0 || len > b.remaining()) {
                break;
            }
            int end = 0;
            int start = b.position();
            while (end < len && chunk[start + end] != 0) {
                end++;
            }
            byte[] name = new byte[end];
            System.arraycopy(chunk, start, name, 0, end);
            b.position(start + len);
            sink.accept(new InotifyEvent(wd, mask, cookie, name));
            n++;
        }
        return n;
    }
}
