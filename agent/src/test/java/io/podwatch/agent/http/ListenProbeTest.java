package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.core.config.HostPort;
import io.podwatch.core.lifecycle.StartRefused;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenProbeTest {
    @TempDir
    Path dir;

    @Test
    void aTakenAddressIsRefusedNamingTheAddressAndThePidHoldingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HostPort listen = new HostPort("127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> ListenProbe.check(listen)).isInstanceOf(StartRefused.class)
                    .hasMessage("http.listen 127.0.0.1:" + taken.getLocalPort() + ": address already in use (PID "
                            + ProcessHandle.current().pid() + "); stop that process or set http.listen");
        }
    }

    @Test
    void aFreeAddressPassesAndStaysFree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ListenProbe.check(new HostPort("127.0.0.1", port));
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.isBound()).isTrue();
        }
    }

    @Test
    void findsTheListeningSocketInProcNetTcp() throws Exception {
        Path table = dir.resolve("tcp");
        Files.writeString(table, String.join("\n",
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:26AB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1",
                "   1: 0100007F:26AB 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 4343 1", ""));
        assertThat(PortHolder.listeningInode(table, 0x26AB)).contains("4242");
        assertThat(PortHolder.listeningInode(table, 80)).isEmpty();
        assertThat(PortHolder.listeningInode(dir.resolve("absent"), 80)).isEmpty();
    }
}
