package io.podwatch.collectors.volume.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.volume.scan.FileStat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeIndexTest {
    static FileStat file(long ino, int nlink, long size) {
        return new FileStat(1, ino, FileStat.S_IFREG | 0644, 0, nlink, size, 1, 1);
    }

    @Test
    void hardLinksAreCountedOnceAndSubtreesForgottenTogether() {
        VolumeIndex idx = new VolumeIndex();
        idx.put("a", file(10, 1, 100));
        idx.put("d/x", file(11, 2, 50));
        idx.put("d/y", file(11, 2, 50)); // a second name of the same inode
        idx.put("d", new FileStat(1, 12, FileStat.S_IFDIR | 0755, 0, 2, 4096, 1, 1));
        assertThat(idx.bytes()).isEqualTo(150);
        assertThat(idx.entries()).isEqualTo(4);
        idx.remove("d/x");
        assertThat(idx.bytes()).isEqualTo(150);
        List<String> gone = new ArrayList<>();
        idx.removeTree("d", (rel, st) -> gone.add(rel));
        assertThat(gone).containsExactly("d/y");
        assertThat(idx.bytes()).isEqualTo(100);
        idx.put("a", file(10, 1, 300));
        assertThat(idx.bytes()).isEqualTo(300);
    }
}
