package io.podwatch.agent;

import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.StartRefused;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The agent's claim on its state directory: an exclusive lock on {@code state-dir/podwatch.lock}
 * holding the owner's PID, taken before anything else starts. A second agent on the same
 * directory (an operator trying README's first command while the service runs) stops here, naming
 * the PID, before it could delete the running agent's socket or rewrite its checkpoint; a state
 * directory that cannot be written stops start-up here too, instead of every component retrying.
 * The kernel drops the lock when the process dies, so a crash leaves nothing to clean up.
 */
final class StateDirLock implements Managed {
    static final String FILE = "podwatch.lock";

    private final Path dir;
    private FileChannel channel;
    private FileLock lock;

    StateDirLock(Path dir) {
        this.dir = dir;
    }

    /** Takes and releases the lock: the same refusal as {@link #start()}, before anything is built. */
    static void probe(Path dir) throws StartRefused {
        StateDirLock lock = new StateDirLock(dir);
        try {
            lock.start();
        } finally {
            lock.close();
        }
    }

    @Override
    public String name() {
        return "state-dir";
    }

    @Override
    public synchronized void start() throws StartRefused {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            // no symlink following: as root, a planted link must not make us write elsewhere
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new StartRefused("state-dir " + dir + " is not writable (" + reason(e) + "); podwatch keeps its "
                    + "checkpoints and alert outbox there: make it writable or set state-dir");
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (another agent in the same JVM)
        } catch (IOException e) {
            close();
            throw new StartRefused("state-dir " + dir + ": cannot lock " + FILE + " (" + reason(e) + ")");
        }
        if (lock == null) {
            String holder = holder();
            close();
            throw new StartRefused("state-dir " + dir + " is in use by another podwatch" + holder
                    + "; stop it first, or give this one its own state-dir and http.listen");
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
        } catch (IOException e) {
            close();
            throw new StartRefused("state-dir " + dir + " is not writable (" + reason(e) + ")");
        }
    }

    /** " (PID n)" from the lock file, or "" when it holds no PID yet. */
    private String holder() {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            String text = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
            return text.matches("\\d{1,10}") ? " (PID " + text + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The operating system's words, without a Java class name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }

    @Override
    public synchronized void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the lock anyway; nothing else to do
        } finally {
            lock = null;
            channel = null;
        }
    }
}
