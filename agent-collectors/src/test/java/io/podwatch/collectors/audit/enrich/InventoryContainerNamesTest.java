package io.podwatch.collectors.audit.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.podman.FakePodmanApi;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.testing.MutableClock;
import io.podwatch.core.testing.RecordingEmitter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InventoryContainerNamesTest {
    final FakePodmanApi api = new FakePodmanApi();
    final MutableClock clock = MutableClock.atEpochSecond(0);
    final Inventory inventory = new Inventory(clock);
    final ContainerTracker tracker = new ContainerTracker(api, inventory.feed("podman", "root", 10),
            new RecordingEmitter(), clock);
    final InventoryContainerNames names = new InventoryContainerNames(inventory, tracker::learn, clock,
            Duration.ofSeconds(6), 100);

    InventoryContainerNamesTest() throws IOException {
        api.inspect.put("abc", new ObjectMapper().readTree("{\"Id\":\"abc\",\"Name\":\"web\","
                + "\"ImageName\":\"docker.io/nginx:1\",\"Pod\":\"p1\",\"State\":{\"Status\":\"running\",\"Pid\":4242}}"));
    }

    @Test
    void aContainerNotYetInTheInventoryIsLearnedOnceThroughItsFeed() {
        ContainerNames.Info info = names.lookup("abc").orElseThrow();
        assertThat(info.ref().name()).isEqualTo("web");
        assertThat(info.ref().image()).isEqualTo("docker.io/nginx:1");
        assertThat(info.initPid()).isEqualTo(4242);
        assertThat(inventory.byId("abc")).as("learned into the inventory for everyone").isPresent();

        names.lookup("abc");
        assertThat(api.inspectCalls).isEqualTo(1);
    }

    @Test
    void unknownIdsAreNotAskedAgainForAWhile() {
        api.down = true;
        assertThat(names.lookup("abc")).isEmpty();
        assertThat(names.lookup("abc")).isEmpty();
        assertThat(api.inspectCalls).as("the miss is remembered").isLessThanOrEqualTo(1);
        clock.set(Instant.ofEpochSecond(7));
        api.down = false;
        assertThat(names.lookup("abc")).isPresent();
    }
}
