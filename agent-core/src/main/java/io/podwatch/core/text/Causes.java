package io.podwatch.core.text;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

/**
 * A failure's cause in the words an operator reads in {@code podwatch status}, {@code /healthz} and
 * the log: "connection refused", not {@code ConnectException}. The JDK's message alone is often
 * empty (an HTTP client's refused connection) or the bare path (a missing file), and a Java class
 * name means nothing to the person on call.
 */
public final class Causes {
    /** Failures whose message adds nothing: a file's message is its path, which the caller names already. */
    private static final List<Word> WORDS = List.of(
            new Word(NoRouteToHostException.class, "no route to host"),
            new Word(SocketTimeoutException.class, "timed out"),
            new Word(ClosedChannelException.class, "connection closed"),
            new Word(NoSuchFileException.class, "no such file"),
            new Word(AccessDeniedException.class, "permission denied"),
            new Word(NotDirectoryException.class, "not a directory"));

    private record Word(Class<? extends Throwable> type, String words) {
    }

    private Causes() {
    }

    public static String describe(Throwable t) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? null : Printable.escape(t.getMessage());
        if (t instanceof ConnectException) {
            return m == null ? "connection refused" : m.toLowerCase(java.util.Locale.ROOT);
        }
        if (t instanceof UnknownHostException) {
            return m == null ? "unknown host" : "unknown host " + m;
        }
        for (var w : WORDS) {
            if (w.type().isInstance(t)) {
                return w.words();
            }
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return Printable.escape(f.getReason());
        }
        if (m != null) {
            return lowerFirst(m);
        }
        return t instanceof java.io.IOException ? "input/output error" : "internal error";
    }

    /** "No such file or directory" reads as part of a sentence after a colon. */
    private static String lowerFirst(String m) {
        return m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))
                ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
    }
}
