package io.podwatch.collectors.podman.api;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 server on a Unix socket answering each request with what {@code responder}
 * returns for its request line (null: read the request and never answer). For faults a real
 * Podman cannot produce on demand: malformed JSON, error statuses, silence.
 */
final class FakeUnixServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Thread thread;
    private final CopyOnWriteArrayList<SocketChannel> clients = new CopyOnWriteArrayList<>();

    FakeUnixServer(Path socket, Function<String, String> responder) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(() -> {
            while (true) {
                try {
                    SocketChannel ch = server.accept();
                    clients.add(ch);
                    Thread t = new Thread(() -> serve(ch, responder), "fake-podman-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-podman");
        thread.setDaemon(true);
        thread.start();
    }

    private static void serve(SocketChannel ch, Function<String, String> responder) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                String req = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
                int end = req.indexOf("\r\n\r\n");
                if (end < 0) {
                    continue;
                }
                buf.clear();
                String body = responder.apply(req.substring(0, req.indexOf("\r\n")));
                if (body == null) {
                    continue;
                }
                ch.write(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            // client went away
        }
    }

    /** An HTTP response with a fixed-length body. */
    static String http(int status, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                + "\r\n\r\n" + body;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : clients) {
            c.close();
        }
    }
}
