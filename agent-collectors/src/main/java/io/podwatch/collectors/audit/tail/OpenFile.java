package io.podwatch.collectors.audit.tail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A log file held open by identity: the channel keeps reading the same inode after auditd renames
 * it. {@code generation} numbers the files of one tailer run so positions compare across files.
 */
final class OpenFile implements AutoCloseable {
    final FileChannel channel;
    final String key;
    final int generation;
    long offset;

    private OpenFile(FileChannel channel, String key, int generation) {
        this.channel = channel;
        this.key = key;
        this.generation = generation;
    }

    /** Opens {@code p}; its identity is taken before and after opening so a rename in between is caught. */
    static OpenFile open(Path p, int generation) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            String before = key(p);
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
            if (before.equals(key(p))) {
                return new OpenFile(ch, before, generation);
            }
            ch.close();
        }
        throw new IOException(p + " keeps being replaced while it is opened");
    }

    /** Device and inode of the file at {@code p}. */
    static String key(Path p) throws IOException {
        Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        if (k == null) {
            throw new IOException("the file system of " + p + " gives files no identity (inode)");
        }
        return k.toString();
    }

    long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a read-only channel loses nothing
        }
    }
}
