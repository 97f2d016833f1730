package io.podwatch.agent.sink;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * POSTs JSON with the JDK's {@link HttpClient} and maps the outcome onto {@link DeliveryException}.
 * The JDK client rather than netty's: delivery is one blocking request at a time on the
 * dispatcher's own thread, which the JDK client does with per-request timeouts and TLS built in
 * and no event loop to share or tune; it adds no dependency. Redirects are followed here, not by
 * the client, which would turn a redirected POST into a body-less GET. Messages name the URL
 * without user-info, path or query (each may carry a token) and never include headers.
 */
public final class HttpPoster implements AutoCloseable {
    /** What of an error response is read (for the message); the rest is never read, so no receiver can fill the heap. */
    static final int MAX_BODY_PREFIX = 4096;
    static final int MAX_REDIRECTS = 5;

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
        URI target = url;
        for (int hop = 0; ; hop++) {
            Answer a = postOnce(target, body, headers);
            int code = a.code();
            if (code / 100 == 2) {
                return;
            }
            String what = "POST " + redact(target) + ": HTTP " + code + " " + a.snippet();
            if (code / 100 == 3) {
                target = redirect(url, target, a.location(), hop, what);
                continue;
            }
            if (code == 429) {
                throw new DeliveryException(what, true, retryAfter(a.retryAfter()));
            }
            throw new DeliveryException(what, code == 408 || code / 100 == 5, null);
        }
    }

    /**
     * Where a 3xx sends the notification next: the same body is POSTed again (also for 301-303,
     * where browsers would switch to a body-less GET and the alert would be lost), at most
     * {@value #MAX_REDIRECTS} times, and only to the same host with the same scheme or upgraded
     * to https: the configured headers (a bearer token) must not travel to a host nobody
     * configured, and a downgrade would send them in clear text. Anything else is retried, never
     * given up: the alert stays in the outbox until the operator fixes the URL.
     */
    private static URI redirect(URI configured, URI current, String location, int hop, String what)
            throws DeliveryException {
        if (location.isEmpty()) {
            throw DeliveryException.retryable(what + " without a Location; kept and retried");
        }
        if (hop >= MAX_REDIRECTS) {
            throw DeliveryException.retryable(what + ": more than " + MAX_REDIRECTS + " redirects; kept and retried");
        }
        URI next;
        try {
            next = current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw DeliveryException.retryable(what + ": unusable Location; kept and retried");
        }
        boolean sameHost = next.getHost() != null && next.getHost().equalsIgnoreCase(configured.getHost());
        boolean scheme = Objects.equals(next.getScheme(), current.getScheme()) || "https".equals(next.getScheme());
        if (!sameHost || !scheme) {
            throw DeliveryException.retryable(what + ": redirect to " + redact(next)
                    + " not followed (only the same host, same scheme or https); kept and retried");
        }
        return next;
    }

    /** One POST; of the answer only a bounded prefix of the body is read, the rest is discarded unread. */
    private Answer postOnce(URI url, byte[] body, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        String where = "POST " + redact(url);
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String prefix;
            try (InputStream in = r.body()) {
                // a 2xx body is never looked at; of an error only the start goes into the message
                prefix = r.statusCode() / 100 == 2 ? "" : new String(BoundedInputStream.builder().setInputStream(in)
                        .setMaxCount(MAX_BODY_PREFIX).get().readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(r.statusCode(), prefix, r.headers().firstValue("Location").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(""));
        } catch (HttpTimeoutException e) {
            throw DeliveryException.retryable(where + ": timed out after " + readTimeout.toMillis() + " ms");
        } catch (IOException e) {
            throw DeliveryException.retryable(where + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable(where + ": interrupted");
        }
    }

    private record Answer(int code, String body, String location, String retryAfter) {
        String snippet() {
            return HttpPoster.snippet(body);
        }
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

    static String snippet(String body) {
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
