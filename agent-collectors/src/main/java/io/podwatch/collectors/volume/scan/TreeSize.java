package io.podwatch.collectors.volume.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Apparent size and entry count of a tree by the safe walk (hard links counted once, other
 * devices not entered): what {@code podwatch sprawl} shows for a volume the agent is not watching.
 */
public final class TreeSize {
    private TreeSize() {
    }

    /** {bytes, entries}. */
    public static long[] of(Path root) throws IOException {
        int fd = SafeFs.openRoot(root);
        try {
            long[] r = new long[2];
            Set<Long> linked = new HashSet<>();
            TreeWalker.walk(fd, "", SafeFs.statFd(fd).dev(), new TreeWalker.Visitor() {
                @Override
                public void directory(String rel, int dirFd, FileStat stat) {
                }

                @Override
                public void entry(String rel, FileStat st) {
                    r[1]++;
                    if (st.isRegular() && (st.nlink() <= 1 || linked.add(st.ino()))) {
                        r[0] += st.size();
                    }
                }
            });
            return r;
        } finally {
            SafeFs.close(fd);
        }
    }
}
