package io.podwatch.agent.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * POSTs JSON with the JDK's {@link HttpClient} and maps the outcome onto {@link DeliveryException}.
 * The JDK client rather than netty's: delivery is one blocking request at a time on the
 * dispatcher's own thread, which the JDK client does with per-request timeouts, TLS and redirects
 * built in and no event loop to share or tune; it adds no dependency. Messages name the URL
 * without user-info, path or query (each may carry a token) and never include headers.
 */
public final class HttpPoster implements AutoCloseable {
    private final HttpClient client;
    private final Duration readTimeout;
    private final Clock clock;

    public HttpPoster(Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    public void post(URI url, byte[] body, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        String where = "POST " + redact(url);
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.retryable(where + ": timed out after " + readTimeout.toMillis() + " ms");
        } catch (IOException e) {
            throw DeliveryException.retryable(where + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable(where + ": interrupted");
        }
        int code = r.statusCode();
        if (code / 100 == 2) {
            return;
        }
        String what = where + ": HTTP " + code + " " + snippet(r.body());
        if (code == 429) {
            throw new DeliveryException(what, true, retryAfter(r.headers().firstValue("Retry-After").orElse("")));
        }
        throw new DeliveryException(what, code == 408 || code / 100 == 5, null);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String v) {
        if (v.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String snippet(String body) {
        String s = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /**
     * scheme://host:port/… : no user-info, query or path — chat-style webhook URLs carry their token
     * in the path. The sink's name says which receiver it is.
     */
    public static String redact(URI u) {
        boolean path = u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/");
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + (path ? "/…" : "");
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its threads are daemons that end with their idle connections
    }
}
