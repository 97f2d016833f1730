package io.podwatch.collectors.podman.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodmanClientTest {
    private Path dir;
    private Path socket;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "pwc-");
        socket = dir.resolve("s.sock");
    }

    @AfterEach
    void tearDown() throws IOException {
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }

    private PodmanClient client(Duration timeout) {
        return new PodmanClient(URI.create("unix://" + socket), timeout, (call, nanos, ok) -> calls.add(call + ":" + ok));
    }

    @Test
    void usesVersionedLibpodPathsAndParses() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (FakeUnixServer s = new FakeUnixServer(socket, req -> {
            seen.set(req);
            return FakeUnixServer.http(200, "[{\"Id\":\"abc\"}]");
        }); PodmanClient c = client(Duration.ofSeconds(2))) {
            assertThat(c.listContainers(true)).singleElement().satisfies(n -> assertThat(n.path("Id").asText()).isEqualTo("abc"));
            assertThat(seen.get()).isEqualTo("GET /v4.0.0/libpod/containers/json?all=true HTTP/1.1");
            assertThat(calls).containsExactly("list:true");
        }
    }

    @Test
    void aBodyOverTheCapIsRefusedNotBuffered() throws Exception {
        String huge = "[" + " ".repeat(EngineHttp.MAX_BODY + 10) + "]";
        try (FakeUnixServer s = new FakeUnixServer(socket, req -> FakeUnixServer.http(200, huge));
             PodmanClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(c::statsAll).isInstanceOf(IOException.class)
                    .hasMessageContaining("larger than " + EngineHttp.MAX_BODY + " bytes");
        }
    }

    @Test
    void malformedJsonNamesPathAndProblem() throws Exception {
        try (FakeUnixServer s = new FakeUnixServer(socket, req -> FakeUnixServer.http(200, "{\"Stats\": [1, 2"));
             PodmanClient c = client(Duration.ofSeconds(2))) {
            assertThatThrownBy(c::statsAll).isInstanceOf(IOException.class)
                    .hasMessageContaining("/v4.0.0/libpod/containers/stats?stream=false")
                    .hasMessageContaining("malformed JSON").hasMessageContaining("line 1");
            assertThat(calls).containsExactly("stats:false");
        }
    }

    @Test
    void errorStatusCarriesPodmansMessage() throws Exception {
        try (FakeUnixServer s = new FakeUnixServer(socket,
                req -> FakeUnixServer.http(404, "{\"cause\":\"no such container\"}"));
             PodmanClient c = client(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> c.inspectContainer("gone")).isInstanceOfSatisfying(ApiStatusException.class,
                    e -> assertThat(e.notFound()).isTrue())
                    .hasMessageContaining("/libpod/containers/gone/json").hasMessageContaining("HTTP 404")
                    .hasMessageContaining("no such container");
        }
    }

    @Test
    void silentServiceTimesOutWithoutLeavingTheThreadInterrupted() throws Exception {
        try (FakeUnixServer s = new FakeUnixServer(socket, req -> null); PodmanClient c = client(Duration.ofMillis(300))) {
            assertThatThrownBy(c::statsAll).isInstanceOf(IOException.class)
                    .hasMessageContaining("no answer within 300 ms");
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void absentSocketNamesTheSocket() {
        try (PodmanClient c = client(Duration.ofSeconds(1))) {
            assertThatThrownBy(c::ping).isInstanceOf(IOException.class).hasMessageContaining(socket.toString())
                    // the operator reads it in podwatch status and /healthz: words, not a Java class name
                    .hasMessageEndingWith(socket + ": no such file or directory").hasMessageNotContaining("Exception");
        }
    }

    @Test
    void eventStreamDeliversLinesAndStopsOnInterrupt() throws Exception {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        String line = "{\"status\":\"start\",\"Type\":\"container\",\"id\":\"abc\"}\n";
        String chunk = Integer.toHexString(line.length()) + "\r\n" + line + "\r\n";
        List<String> got = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        try (FakeUnixServer s = new FakeUnixServer(socket, req -> head + chunk); PodmanClient c = client(Duration.ofSeconds(1))) {
            Thread t = new Thread(() -> {
                try {
                    c.streamEvents(n -> got.add(n.path("status").asText()));
                    ended.set(new AssertionError("stream returned"));
                } catch (Exception e) {
                    ended.set(e);
                }
            });
            t.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("start"));
            t.interrupt();
            t.join(2000);
            assertThat(t.isAlive()).isFalse();
            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        }
    }
}
