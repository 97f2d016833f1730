package io.podwatch.agent.sink.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP receiver that answers as an attacker would: {@code /huge} says 200 and sends a
 * body of {@code hugeBytes} (100 MiB by default, streamed, never held in memory); {@code /loop}
 * redirects to itself forever; {@code /moved} answers 302 to {@code /ok}; {@code /away} redirects
 * to another host; {@code /ok} accepts. Records each request line and counts body bytes it sent.
 */
public final class HostileReceiver implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private final long hugeBytes;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final AtomicLong bodyBytesSent = new AtomicLong();

    public HostileReceiver(long hugeBytes) throws IOException {
        this.hugeBytes = hugeBytes;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::acceptLoop, "hostile-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "hostile-receiver-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            if (line == null) {
                return;
            }
            int length = 0;
            String h;
            while ((h = in.readLine()) != null && !h.isEmpty()) {
                if (h.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            for (int i = 0; i < length; i++) {
                in.read();
            }
            String path = line.split(" ")[1];
            requests.add(line.split(" ")[0] + " " + path + " " + length);
            OutputStream out = s.getOutputStream();
            switch (path) {
                case "/huge" -> huge(out);
                case "/loop" -> head(out, "302 Found", "Location: /loop\r\nContent-Length: 0\r\n");
                case "/moved" -> head(out, "302 Found", "Location: /ok\r\nContent-Length: 0\r\n");
                case "/away" -> head(out, "307 Temporary Redirect", "Location: http://localhost:1/ok\r\nContent-Length: 0\r\n");
                case "/downgrade" -> head(out, "308 Permanent Redirect", "Location: ftp://127.0.0.1/ok\r\nContent-Length: 0\r\n");
                default -> {
                    head(out, "200 OK", "Content-Length: 2\r\n");
                    out.write("ok".getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client hung up on the body: expected when it stops reading
        }
    }

    private static void head(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void huge(OutputStream out) throws IOException {
        head(out, "200 OK", "Content-Type: text/plain\r\nContent-Length: " + hugeBytes + "\r\n");
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (long sent = 0; sent < hugeBytes; sent += chunk.length) {
            int n = (int) Math.min(chunk.length, hugeBytes - sent);
            out.write(chunk, 0, n);
            bodyBytesSent.addAndGet(n);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
