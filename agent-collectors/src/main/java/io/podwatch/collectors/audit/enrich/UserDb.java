package io.podwatch.collectors.audit.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * uid → user name and gid → group name from the host's {@code /etc/passwd} and {@code /etc/group}
 * (files only: podwatch does not call NSS). Re-read when a file's modification time changes,
 * checked at most every {@value #RECHECK_MILLIS} ms. Not thread-safe: one per reading thread.
 */
public final class UserDb {
    private static final long RECHECK_MILLIS = 10_000;
    private static final int MAX_ENTRIES = 100_000;

    private final Table users;
    private final Table groups;

    public UserDb(Path passwd, Path group, Clock clock) {
        this.users = new Table(passwd, clock);
        this.groups = new Table(group, clock);
    }

    public static UserDb host(Clock clock) {
        return new UserDb(Path.of("/etc/passwd"), Path.of("/etc/group"), clock);
    }

    /** The user name, or null when unknown. */
    public String user(long uid) {
        return users.name(uid);
    }

    public String group(long gid) {
        return groups.name(gid);
    }

    private static final class Table {
        private final Path file;
        private final Clock clock;
        private Map<Long, String> names = Map.of();
        private FileTime loadedVersion;
        private long checkedAt = Long.MIN_VALUE;

        Table(Path file, Clock clock) {
            this.file = file;
            this.clock = clock;
        }

        String name(long id) {
            long now = clock.millis();
            if (checkedAt == Long.MIN_VALUE || now - checkedAt >= RECHECK_MILLIS) {
                checkedAt = now;
                reload();
            }
            return names.get(id);
        }

        private void reload() {
            try {
                FileTime t = Files.getLastModifiedTime(file);
                if (t.equals(loadedVersion)) {
                    return;
                }
                Map<Long, String> m = new HashMap<>();
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.split(":", 4);
                    if (parts.length >= 3 && !line.startsWith("#") && m.size() < MAX_ENTRIES) {
                        try {
                            m.putIfAbsent(Long.parseLong(parts[2].trim()), parts[0]);
                        } catch (NumberFormatException e) {
                            // a malformed line names nobody; the rest of the file still counts
                        }
                    }
                }
                names = m;
                loadedVersion = t;
            } catch (IOException e) {
                names = Map.of(); // unreadable: ids are still reported, just without names
                loadedVersion = null;
            }
        }
    }
}
