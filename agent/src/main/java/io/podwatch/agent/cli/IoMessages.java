package io.podwatch.agent.cli;

import io.podwatch.core.text.Printable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure as an operator reads it: what went wrong in words, never a Java class name
 * ({@code NoSuchFileException: /x} says less than "no such file").
 */
final class IoMessages {
    private IoMessages() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return Printable.escape(f.getReason());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e instanceof IOException ? "input/output error" : "internal error";
        }
        return Printable.escape(m);
    }
}
