package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.config.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    final HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> get(HttpServer s, String path, String method) throws Exception {
        var a = s.boundAddress();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesRoutesAndRejectsTheRest() throws Exception {
        Routes routes = Routes.of(Map.of(
                "/metrics", () -> new Routes.Response(200, "text/plain", "m 1\n"),
                "/boom", () -> {
                    throw new IllegalStateException("x");
                }));
        try (HttpServer s = new HttpServer(new HostPort("127.0.0.1", 0), routes)) {
            s.start();
            assertThat(get(s, "/metrics?x=1", "GET").body()).isEqualTo("m 1\n");
            assertThat(get(s, "/nope", "GET").statusCode()).isEqualTo(404);
            assertThat(get(s, "/metrics", "POST").statusCode()).isEqualTo(405);
            assertThat(get(s, "/boom", "GET").statusCode()).isEqualTo(500);
            s.close();
            s.close();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("podwatch-http") && t.isAlive());
    }
}
