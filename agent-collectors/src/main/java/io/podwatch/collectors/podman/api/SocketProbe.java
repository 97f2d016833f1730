package io.podwatch.collectors.podman.api;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Asks "does a Podman API answer on this socket?" with a bare {@code GET /_ping}: no HTTP client,
 * no thread, bounded by a deadline, never throws. Used to pick the first answering socket and to
 * decide whether podwatch must run its own service.
 */
public final class SocketProbe {
    private SocketProbe() {
    }

    /** The filesystem path of a {@code unix://} URI. */
    public static Path path(URI socket) {
        if (!"unix".equals(socket.getScheme()) || socket.getPath() == null || socket.getPath().isEmpty()) {
            throw new IllegalArgumentException("not a unix:// socket URI: " + socket);
        }
        return Path.of(socket.getPath());
    }

    public static boolean answers(URI socket, Duration deadline) {
        Path path = path(socket);
        if (!Files.exists(path)) {
            return false;
        }
        long end = System.nanoTime() + deadline.toNanos();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX); Selector sel = Selector.open()) {
            ch.connect(UnixDomainSocketAddress.of(path));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: podman\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ch.configureBlocking(false);
            ch.register(sel, SelectionKey.OP_READ);
            ByteBuffer buf = ByteBuffer.allocate(64);
            while (buf.hasRemaining()) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0 || sel.select(left) == 0 && System.nanoTime() >= end) {
                    return false;
                }
                sel.selectedKeys().clear();
                if (ch.read(buf) < 0) {
                    break;
                }
                String head = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
                if (head.contains("\r\n")) {
                    return head.startsWith("HTTP/1.") && head.contains(" 200 ");
                }
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
