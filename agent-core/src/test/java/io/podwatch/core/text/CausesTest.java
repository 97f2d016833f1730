package io.podwatch.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class CausesTest {
    @Test
    void wordsNotClassNames() {
        assertThat(Causes.describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(Causes.describe(new ConnectException("Connection refused"))).isEqualTo("connection refused");
        assertThat(Causes.describe(new SocketException("No such file or directory"))).isEqualTo("no such file or directory");
        assertThat(Causes.describe(new UnknownHostException("hooks.example.org"))).isEqualTo("unknown host hooks.example.org");
        assertThat(Causes.describe(new SocketTimeoutException("Read timed out"))).isEqualTo("timed out");
        assertThat(Causes.describe(new NoSuchFileException("/x"))).isEqualTo("no such file");
        assertThat(Causes.describe(new java.nio.file.FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(Causes.describe(new java.nio.channels.ClosedChannelException())).isEqualTo("connection closed");
        assertThat(Causes.describe(new IOException())).isEqualTo("input/output error");
        assertThat(Causes.describe(new IllegalStateException())).isEqualTo("internal error");
    }

    @Test
    void aHostileMessageStaysOnOneLine() {
        assertThat(Causes.describe(new IOException("bad\nforged line \u001b[31m"))).isEqualTo("bad\\nforged line \\x1b[31m");
    }
}
