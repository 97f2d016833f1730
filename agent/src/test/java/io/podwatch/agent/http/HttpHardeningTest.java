package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.podwatch.agent.http.auth.WebConfig;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpHardeningTest {
    final HttpClient client = HttpClient.newHttpClient();
    final byte[] big = "metric_a{name=\"x\"} 1.0\n".repeat(5000).getBytes(StandardCharsets.UTF_8);

    HttpResponse<byte[]> get(HttpServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.boundAddress().getPort() + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Routes routes() {
        return Routes.of(Map.of("/metrics", () -> new Routes.Response(200, "text/plain",
                List.of(big, ("own_meter " + System.nanoTime() + "\n").getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void gzipOfCachedAndFreshChunksDecodesToThePlainBody() throws Exception {
        try (HttpServer s = new HttpServer(io.podwatch.core.config.HostPort.parse("127.0.0.1:0"), routes())) {
            s.start();
            for (int i = 0; i < 3; i++) { // the cached chunk's deflate bytes are reused
                HttpResponse<byte[]> r = get(s, "/metrics", "Accept-Encoding", "gzip");
                assertThat(r.headers().firstValue("content-encoding")).contains("gzip");
                assertThat(r.body().length).isLessThan(big.length / 10);
                String plain = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(plain).startsWith(new String(big, StandardCharsets.UTF_8)).contains("own_meter ");
            }
            assertThat(get(s, "/metrics").headers().firstValue("content-encoding")).isEmpty();
            assertThat(get(s, "/metrics", "Accept-Encoding", "gzip;q=0").headers().firstValue("content-encoding")).isEmpty();
        }
    }

    @Test
    void basicAuthAcceptsTheRightPasswordOnly(@TempDir Path dir) throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, "s3cret".toCharArray()).replaceFirst("^\\$2a", "\\$2y");
        WebConfig web = WebConfig.load(write(dir, "basic_auth_users:\n  prometheus: " + hash + "\n"));
        try (HttpServer s = new HttpServer(io.podwatch.core.config.HostPort.parse("127.0.0.1:0"), routes(), web, HttpServer.Limits.DEFAULT)) {
            s.start();
            assertThat(get(s, "/metrics").statusCode()).isEqualTo(401);
            assertThat(get(s, "/metrics").headers().firstValue("www-authenticate")).hasValueSatisfying(v -> v.startsWith("Basic"));
            assertThat(get(s, "/metrics", "Authorization", basic("prometheus:wrong")).statusCode()).isEqualTo(401);
            assertThat(get(s, "/metrics", "Authorization", basic("nobody:s3cret")).statusCode()).isEqualTo(401);
            assertThat(get(s, "/metrics", "Authorization", basic("prometheus:s3cret")).statusCode()).isEqualTo(200);
            assertThat(get(s, "/metrics", "Authorization", basic("prometheus:s3cret")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void webConfigErrorsNameTheKey(@TempDir Path dir) throws Exception {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.podwatch.core.config.ConfigException.class, () -> WebConfig.load(
                write(dir, "tls_server_config:\n  cert_file: a.crt\n  client_ca_file: ca.crt\nbasic_auth_users:\n  u: plain\n")));
        assertThat(e.errors().toString()).contains("tls_server_config.client_ca_file", "both cert_file and key_file",
                "basic_auth_users.u", "<redacted>").doesNotContain("plain");
        WebConfig ok = WebConfig.load(write(dir, "tls_server_config:\n  cert_file: a.crt\n  key_file: /k.key\n"));
        assertThat(ok.certFile()).isEqualTo(dir.resolve("a.crt").toAbsolutePath());
        assertThat(ok.tls()).isTrue();
        assertThat(ok.auth()).isFalse();
    }

    @Test
    void listeningBeyondLoopbackWithoutTlsOrAuthWarns() throws Exception {
        try (var log = io.podwatch.agent.sink.testing.LogCapture.start();
             HttpServer s = new HttpServer(io.podwatch.core.config.HostPort.parse("0.0.0.0:0"), routes())) {
            s.start();
            assertThat(log.text()).contains("beyond loopback without TLS or basic auth", "set http.web-config");
        }
        try (var log = io.podwatch.agent.sink.testing.LogCapture.start();
             HttpServer s = new HttpServer(io.podwatch.core.config.HostPort.parse("127.0.0.1:0"), routes())) {
            s.start();
            assertThat(log.text()).doesNotContain("beyond loopback");
        }
    }

    static Path write(Path dir, String yaml) throws Exception {
        Path p = dir.resolve("web.yml");
        java.nio.file.Files.writeString(p, yaml);
        return p;
    }

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }
}
