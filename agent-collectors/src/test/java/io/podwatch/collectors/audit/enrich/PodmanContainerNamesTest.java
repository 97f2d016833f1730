package io.podwatch.collectors.audit.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.core.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PodmanContainerNamesTest {
    final AtomicInteger calls = new AtomicInteger();
    boolean down;

    final PodmanApi api = new PodmanApi() {
        @Override
        public JsonNode inspectContainer(String id) throws IOException {
            calls.incrementAndGet();
            if (down) {
                throw new IOException("GET /libpod/containers/" + id + "/json: connection refused");
            }
            return new ObjectMapper().readTree("{\"Id\":\"" + id + "\",\"Name\":\"web\",\"ImageName\":\"docker.io/nginx:1\","
                    + "\"Pod\":\"p1\",\"State\":{\"Pid\":4242}}");
        }

        @Override
        public void ping() {
        }

        @Override
        public List<JsonNode> listContainers(boolean all) {
            return List.of();
        }

        @Override
        public JsonNode statsAll() {
            return null;
        }

        @Override
        public List<JsonNode> listImages() {
            return List.of();
        }

        @Override
        public JsonNode inspectImage(String id) {
            return null;
        }

        @Override
        public List<JsonNode> listVolumes() {
            return List.of();
        }

        @Override
        public JsonNode info() {
            return null;
        }

        @Override
        public void streamEvents(Consumer<JsonNode> sink) {
        }

        @Override
        public void close() {
        }
    };

    @Test
    void namesAreCachedForTheTtlAndFailuresBriefly() {
        MutableClock clock = MutableClock.atEpochSecond(0);
        PodmanContainerNames names = new PodmanContainerNames(api, clock, Duration.ofMinutes(1), 100);
        ContainerNames.Info info = names.lookup("abc").orElseThrow();
        assertThat(info.ref().name()).isEqualTo("web");
        assertThat(info.ref().image()).isEqualTo("docker.io/nginx:1");
        assertThat(info.initPid()).isEqualTo(4242);
        names.lookup("abc");
        assertThat(calls).hasValue(1);
        clock.set(Instant.ofEpochMilli(60_000));
        down = true;
        assertThat(names.lookup("abc")).isEmpty();
        assertThat(names.lookup("abc")).isEmpty();
        assertThat(calls).hasValue(2); // the failure is cached too
        clock.set(Instant.ofEpochMilli(66_000));
        down = false;
        assertThat(names.lookup("abc")).isPresent();
    }
}
