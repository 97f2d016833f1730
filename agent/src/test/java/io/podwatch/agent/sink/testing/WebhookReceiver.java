package io.podwatch.agent.sink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver (the JDK's server) for webhook tests that fails on demand: down (connection
 * refused: the port is closed), 500, 429 with Retry-After, slow. Records every request and counts
 * idempotency keys seen more than once, as a deduplicating receiver would.
 */
public final class WebhookReceiver implements AutoCloseable {
    public enum Mode { OK, FAIL_500, RATE_LIMITED, SLOW, BAD_REQUEST }

    public record Request(long atNanos, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final int port;
    private volatile Mode mode = Mode.OK;
    private volatile long slowMillis = 3000;
    private volatile int retryAfterSeconds = 1;
    private HttpServer server;
    public final List<Request> accepted = new CopyOnWriteArrayList<>();
    public final List<Request> refused = new CopyOnWriteArrayList<>();
    public final Map<String, AtomicInteger> keys = new ConcurrentHashMap<>();
    /** Requests being handled right now (a slow receiver holds them). */
    public final AtomicInteger inFlight = new AtomicInteger();

    public WebhookReceiver() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public synchronized WebhookReceiver up() throws IOException {
        // like any production HTTP server: without it, Nagle + delayed ACK add 40 ms per response
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }
        return this;
    }

    /** Closes the port: senders get connection refused. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    public void mode(Mode m) {
        this.mode = m;
    }

    public void slowMillis(long ms) {
        this.slowMillis = ms;
    }

    public void retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** Keys received more than once: repeats a deduplicating receiver drops. */
    public long repeats() {
        return keys.values().stream().filter(n -> n.get() > 1).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Request r = new Request(System.nanoTime(), Map.copyOf(ex.getRequestHeaders()), body);
        Mode m = mode;
        inFlight.incrementAndGet();
        try {
            switch (m) {
                case FAIL_500 -> reply(ex, 500, "boom", r);
                case BAD_REQUEST -> reply(ex, 400, "bad payload", r);
                case RATE_LIMITED -> {
                    ex.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
                    reply(ex, 429, "slow down", r);
                }
                case SLOW -> {
                    Thread.sleep(slowMillis);
                    reply(ex, 200, "ok", r);
                }
                default -> reply(ex, 200, "ok", r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void reply(HttpExchange ex, int code, String text, Request r) throws IOException {
        if (code == 200) {
            accepted.add(r);
            String key = r.header("Idempotency-Key");
            if (key != null) {
                keys.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
        } else {
            refused.add(r);
        }
        byte[] b = text.getBytes();
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        down();
    }
}
