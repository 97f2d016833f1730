package io.podwatch.collectors.volume.inotify;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One inotify instance and its reader thread ({@code podwatch-volume-inotify}). The reader only
 * copies what {@code read(2)} returns into a ring bounded in bytes, so the kernel queue (16,384
 * events by default) is drained even while the consumer is busy. When the ring is full the chunk
 * is dropped, counted, and {@link #takeLost()} tells the consumer to rescan: nothing is lost
 * silently. {@link #addWatch}/{@link #removeWatch} may be called from any thread.
 */
public final class InotifySource implements AutoCloseable {
    static final int ENOENT = 2;
    static final int ENOSPC = 28;
    private static final int READ_SIZE = 64 * 1024;
    private static final Charset PATH_CHARSET = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private final int fd;
    private final long ringBytes;
    private final BlockingQueue<byte[]> ring = new ArrayBlockingQueue<>(65_536);
    private final AtomicLong used = new AtomicLong();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicLong droppedChunks = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile long stallUntilNanos;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Thrown by {@link #addWatch} when the user's watch limit ({@code fs.inotify.max_user_watches}) is reached. */
    public static final class WatchLimitException extends IOException {
        WatchLimitException(Path dir) {
            super("inotify watch limit reached adding " + dir + " (sysctl fs.inotify.max_user_watches)");
        }
    }

    private InotifySource(int fd, long ringBytes) {
        this.fd = fd;
        this.ringBytes = ringBytes;
        this.reader = new Thread(this::readLoop, "podwatch-volume-inotify");
        reader.setDaemon(true);
    }

    /** Opens the instance and starts the reader. */
    public static InotifySource open(long ringBytes) throws IOException {
        int fd;
        try {
            fd = Libc.inotify_init1(Libc.IN_NONBLOCK | Libc.IN_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("inotify_init1 failed: errno " + e.getErrorCode()
                    + (e.getErrorCode() == 24 ? " (fs.inotify.max_user_instances reached)" : ""), e);
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("inotify is not available through JNA: " + e.getMessage(), e);
        }
        InotifySource s = new InotifySource(fd, ringBytes);
        s.reader.start();
        return s;
    }

    /** Watches one directory (never following a symlink); returns the watch descriptor. */
    public int addWatch(Path dir, int mask) throws IOException {
        byte[] p = dir.toString().getBytes(PATH_CHARSET);
        byte[] z = new byte[p.length + 1];
        System.arraycopy(p, 0, z, 0, p.length);
        try {
            return Libc.inotify_add_watch(fd, z, mask);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENOSPC) {
                throw new WatchLimitException(dir);
            }
            throw new IOException("inotify_add_watch " + dir + ": errno " + e.getErrorCode(), e);
        }
    }

    /** Removes a watch; one the kernel already dropped (directory deleted) is not an error. */
    public void removeWatch(int wd) {
        try {
            Libc.inotify_rm_watch(fd, wd);
        } catch (LastErrorException e) {
            // EINVAL: already gone with its directory
        }
    }

    /** The next chunk of raw events, or null after {@code timeout}; called by the one consumer. */
    public byte[] take(Duration timeout) throws InterruptedException {
        byte[] c = ring.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (c != null) {
            used.addAndGet(-c.length);
        }
        return c;
    }

    /** True once after the reader dropped a chunk (ring full): everything must be rescanned. */
    public boolean takeLost() {
        return lost.getAndSet(false);
    }

    public long droppedChunks() {
        return droppedChunks.get();
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    public long ringUsedBytes() {
        return used.get();
    }

    /** Fault injection for tests and the benchmark: the reader does not read for {@code d}. */
    public void stallReaderFor(Duration d) {
        stallUntilNanos = System.nanoTime() + d.toNanos();
    }

    private void readLoop() {
        byte[] buf = new byte[READ_SIZE];
        int[] pollfd = new int[2];
        while (running) {
            long stall = stallUntilNanos - System.nanoTime();
            if (stall > 0) {
                sleepNanos(Math.min(stall, 100_000_000L));
                continue;
            }
            try {
                pollfd[0] = fd;
                pollfd[1] = Libc.POLLIN;
                if (Libc.poll(pollfd, 1, 1000) <= 0) {
                    continue;
                }
                long n = Libc.read(fd, buf, buf.length);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                    offer(java.util.Arrays.copyOf(buf, (int) n));
                }
            } catch (LastErrorException e) {
                // EAGAIN/EINTR: poll again; EBADF only after close, when running is false
                if (e.getErrorCode() != 11 && e.getErrorCode() != 4) {
                    sleepNanos(100_000_000L);
                }
            }
        }
    }

    private void offer(byte[] chunk) {
        if (used.get() + chunk.length > ringBytes || !ring.offer(chunk)) {
            droppedChunks.incrementAndGet();
            lost.set(true);
            return;
        }
        used.addAndGet(chunk.length);
    }

    private void sleepNanos(long n) {
        try {
            TimeUnit.NANOSECONDS.sleep(n);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the reader (it wakes within a second) and closes the descriptor; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        reader.interrupt();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Libc.close(fd);
        } catch (LastErrorException e) {
            // nothing to do: the descriptor is gone either way
        }
    }
}
