package io.podwatch.collectors.podman.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.podwatch.core.text.Causes;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * GET requests and JSON bodies over one engine's Unix socket — libpod's or the Docker Engine
 * API's: docker-java's httpclient5 transport for the requests, Jackson for the bodies. Each call
 * is bounded by {@code timeout} (see {@link CallDeadline}); a stream only while waiting for its
 * headers, then until interrupted. Failures name the path, the socket and the cause. Thread-safe;
 * construction does no I/O.
 */
public final class EngineHttp implements AutoCloseable {
    /** Largest body one call may read: stats of ~5,000 containers, far below the agent's heap. */
    static final int MAX_BODY = 16 << 20;
    static final int MAX_LINE = 1 << 20;

    private final URI socket;
    private final Duration timeout;
    private final ApiObserver observer;
    private final DockerHttpClient http;
    private final CallDeadline deadline = new CallDeadline();
    private final ObjectMapper json = new ObjectMapper();

    public EngineHttp(URI socket, Duration timeout, ApiObserver observer) {
        this.socket = socket;
        this.timeout = timeout;
        this.observer = observer;
        this.http = new ApacheDockerHttpClient.Builder().dockerHost(socket).maxConnections(4)
                .connectionTimeout(timeout).responseTimeout(timeout).build();
    }

    public URI socket() {
        return socket;
    }

    /** The parsed body of {@code GET path}; {@code call} names it for the observer. */
    public JsonNode get(String call, String path) throws IOException {
        return call(call, path, true);
    }

    /** {@code GET path} for its status only. */
    public void check(String call, String path) throws IOException {
        call(call, path, false);
    }

    /** A body that must be a JSON array (null reads as empty). */
    public List<JsonNode> elements(String call, String path) throws IOException {
        JsonNode body = call(call, path, true);
        if (body.isNull()) {
            return List.of();
        }
        if (!body.isArray()) {
            throw new IOException("GET " + path + " on " + socket + ": malformed response: expected a JSON array, got "
                    + body.getNodeType());
        }
        List<JsonNode> out = new ArrayList<>(body.size());
        body.forEach(out::add);
        return out;
    }

    private JsonNode call(String call, String path, boolean parse) throws IOException {
        long t0 = System.nanoTime();
        boolean ok = false;
        try (CallDeadline.Guard guard = deadline.start(timeout)) {
            try (DockerHttpClient.Response r = http.execute(request(path))) {
                byte[] body = r.getBody() == null ? new byte[0] : bounded(path, r.getBody());
                checkStatus(path, r.getStatusCode(), body);
                JsonNode node = parse ? parse(path, body) : null;
                ok = true;
                return node;
            } catch (RuntimeException | IOException e) {
                throw failure(path, e, guard.fired());
            }
        } finally {
            observer.observed(call, System.nanoTime() - t0, ok);
        }
    }

    /**
     * The body, refused when larger than {@value #MAX_BODY} bytes: the agent runs in a small heap and
     * a hostile or broken engine must not be able to make one call allocate without limit.
     */
    private byte[] bounded(String path, InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        if (b.length > MAX_BODY) {
            throw new IOException("GET " + path + " on " + socket + ": response larger than " + MAX_BODY + " bytes, refused");
        }
        return b;
    }

    /** One line of a stream without its newline, null at the end; a line over {@value #MAX_LINE} bytes fails the stream. */
    private byte[] readLine(String path, InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.size() >= MAX_LINE) {
                throw new IOException("GET " + path + " on " + socket + ": event line longer than " + MAX_LINE
                        + " bytes, refused");
            }
            line.write(c);
        }
        return c == -1 && line.size() == 0 ? null : line.toByteArray();
    }

    private JsonNode parse(String path, byte[] body) throws IOException {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("GET " + path + " on " + socket + ": malformed response: empty body, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IOException("GET " + path + " on " + socket + ": malformed JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
    }

    private void checkStatus(String path, int status, byte[] body) throws IOException {
        if (status / 100 != 2) {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).trim();
            throw new ApiStatusException("GET " + path + " on " + socket + ": HTTP " + status
                    + (text.isEmpty() ? "" : ": " + text), status);
        }
    }

    /** Names the path and the cause; a timeout we caused says so instead of "interrupted". */
    private IOException failure(String path, Exception e, boolean timedOut) {
        if (e instanceof ApiStatusException || (e instanceof IOException io && io.getMessage() != null
                && io.getMessage().startsWith("GET " + path))) {
            return (IOException) e;
        }
        // docker-java wraps transport failures in RuntimeException: name the real one
        Throwable t = e instanceof RuntimeException && e.getCause() instanceof IOException ? e.getCause() : e;
        String cause = timedOut ? "no answer within " + timeout.toMillis() + " ms"
                : Causes.describe(t);
        Throwable root = t.getCause();
        if (!timedOut && root != null && root.getMessage() != null
                && !cause.toLowerCase(Locale.ROOT).contains(root.getMessage().toLowerCase(Locale.ROOT))) {
            cause += " (" + root.getMessage() + ")";
        }
        return new IOException("GET " + path + " on " + socket + ": " + cause, e);
    }

    /**
     * {@code GET path} as a stream of JSON lines: blocks, handing each to {@code sink}, until the
     * stream ends (returns), fails (throws) or the calling thread is interrupted.
     */
    public void stream(String call, String path, Consumer<JsonNode> sink) throws IOException, InterruptedException {
        DockerHttpClient.Response r;
        long t0 = System.nanoTime();
        try (CallDeadline.Guard guard = deadline.start(timeout)) {
            try {
                r = http.execute(request(path));
            } catch (RuntimeException e) {
                observer.observed(call, System.nanoTime() - t0, false);
                throw failure(path, e, guard.fired());
            }
        }
        observer.observed(call, System.nanoTime() - t0, true);
        try (r; InputStream in = new BufferedInputStream(r.getBody())) {
            if (r.getStatusCode() / 100 != 2) {
                checkStatus(path, r.getStatusCode(), in.readNBytes(300));
            }
            byte[] line;
            while ((line = readLine(path, in)) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("event stream interrupted");
                }
                if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                    sink.accept(parse(path, line));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // an interrupt closed the channel under the read: that is the requested stop
                throw new InterruptedException("event stream interrupted");
            }
            throw failure(path, e, false);
        }
    }

    private static DockerHttpClient.Request request(String path) {
        return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
    }

    @Override
    public void close() {
        deadline.close();
        try {
            http.close();
        } catch (IOException | RuntimeException e) {
            // closing pooled Unix-socket connections cannot fail in a way we could act on
        }
    }
}
