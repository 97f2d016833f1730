package io.podwatch.collectors.volume.inotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InotifyParserTest {
    static void put(ByteBuffer b, int wd, int mask, int cookie, String name, int padded) {
        b.putInt(wd).putInt(mask).putInt(cookie).putInt(padded);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        b.put(n);
        b.put(new byte[padded - n.length]);
    }

    @Test
    void decodesNulPaddedNamesAndStopsAtATruncatedTail() {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.nativeOrder());
        put(b, 1, InotifyMask.CREATE, 0, "a.txt", 16);
        put(b, 2, InotifyMask.MOVED_FROM | InotifyMask.ISDIR, 77, "dir", 16);
        b.putInt(-1).putInt(InotifyMask.Q_OVERFLOW).putInt(0).putInt(0);
        b.putInt(3).putInt(InotifyMask.DELETE).putInt(0).putInt(64); // claims more than is there
        List<InotifyEvent> out = new ArrayList<>();
        int n = InotifyParser.parse(b.array(), b.position(), out::add);
        assertThat(n).isEqualTo(3);
        assertThat(new String(out.get(0).name(), StandardCharsets.UTF_8)).isEqualTo("a.txt");
        assertThat(out.get(1).isDir()).isTrue();
        assertThat(out.get(1).cookie()).isEqualTo(77);
        assertThat(out.get(2).is(InotifyMask.Q_OVERFLOW)).isTrue();
        assertThat(out.get(2).name()).isEmpty();
    }
}
