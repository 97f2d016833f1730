package io.podwatch.collectors.audit.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.podman.FakePodmanApi;
import io.podwatch.core.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodmanContainerNamesTest {
    final FakePodmanApi api = new FakePodmanApi();

    PodmanContainerNamesTest() throws IOException {
        api.inspect.put("abc", new ObjectMapper().readTree("{\"Id\":\"abc\",\"Name\":\"web\","
                + "\"ImageName\":\"docker.io/nginx:1\",\"Pod\":\"p1\",\"State\":{\"Pid\":4242}}"));
    }

    @Test
    void namesAreCachedForTheTtlAndFailuresBriefly() {
        MutableClock clock = MutableClock.atEpochSecond(0);
        PodmanContainerNames names = new PodmanContainerNames(api, clock, Duration.ofMinutes(1), 100);
        ContainerNames.Info info = names.lookup("abc").orElseThrow();
        assertThat(info.ref().name()).isEqualTo("web");
        assertThat(info.ref().image()).isEqualTo("docker.io/nginx:1");
        assertThat(info.initPid()).isEqualTo(4242);
        names.lookup("abc");
        assertThat(api.inspectCalls).isEqualTo(1);
        clock.set(Instant.ofEpochMilli(60_000));
        api.down = true;
        assertThat(names.lookup("abc")).isEmpty();
        assertThat(names.lookup("abc")).isEmpty();
        assertThat(api.inspectCalls).isEqualTo(2); // the failure is cached too
        clock.set(Instant.ofEpochMilli(66_000));
        api.down = false;
        assertThat(names.lookup("abc")).isPresent();
    }
}
