package io.podwatch.agent.example.syslog;

import io.podwatch.agent.sink.EventSinkFactory;
import io.podwatch.core.config.HostPort;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.model.Event;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-only event sink, the walkthrough's example: every event as one RFC 5424 syslog message
 * over UDP. {@link #accept} only queues (the processing thread never waits); the thread
 * {@code podwatch-syslog} sends; a full queue drops and counts.
 */
final class SyslogSink implements EventSinkFactory.Output {
    private final HostPort server;
    private final String host;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(1024);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread = new Thread(this::loop, "podwatch-syslog");
    private volatile boolean running;
    private DatagramSocket socket;
    private InetSocketAddress target;

    SyslogSink(HostPort server, String host) {
        this.server = server;
        this.host = host;
        thread.setDaemon(true);
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public String target() {
        return "syslog udp://" + server;
    }

    @Override
    public synchronized void start() throws IOException {
        target = new InetSocketAddress(server.host(), server.port()); // resolving is I/O: at start
        socket = new DatagramSocket();
        running = true;
        thread.start();
    }

    @Override
    public void accept(Event event) {
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void loop() {
        try {
            while (running || !queue.isEmpty()) {
                Event e = queue.poll(200, TimeUnit.MILLISECONDS);
                if (e != null) {
                    byte[] b = message(e).getBytes(StandardCharsets.UTF_8);
                    try {
                        socket.send(new DatagramPacket(b, b.length, target));
                    } catch (IOException ex) {
                        dropped.incrementAndGet();
                    }
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** RFC 5424: facility daemon (3), severity from the event's; control characters escaped. */
    private String message(Event e) {
        int severity = switch (e.severity()) {
            case CRITICAL -> 2;
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
            case INFO -> 6;
        };
        Object rule = e.fields().get("rule.name"); // alerts and audit matches name their rule
        String msg = (rule == null ? "" : rule + " ") + e.message();
        return "<" + (3 * 8 + severity) + ">1 " + e.time() + " " + host + " podwatch - " + e.action() + " - "
                + msg.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        NamedThreads.join(thread, Duration.ofSeconds(2), Duration.ofSeconds(1));
        socket.close();
    }
}
