package io.podwatch.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryTest {
    private static final String ID_A = "a".repeat(64);
    private static final String ID_B = "b".repeat(64);
    private final Inventory inventory = new Inventory(Clock.systemUTC());

    private static ContainerInfo c(InventoryFeed feed, String id, String name, String state, long pid) {
        return ContainerInfo.listed(feed.key(id), name, "img", "", state, pid, 0, Instant.EPOCH, 0);
    }

    /** Records every call as one line, in order. */
    private static final class Recorder implements InventoryListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void added(ContainerInfo c) {
            calls.add("added " + c.name());
        }

        @Override
        public void changed(ContainerInfo before, ContainerInfo after) {
            calls.add("changed " + before.name() + " " + before.state() + "->" + after.state());
        }

        @Override
        public void removed(ContainerInfo last) {
            calls.add("removed " + last.name());
        }
    }

    @Test
    void listenersSeeChangesInOrderAndOnlyRealChanges() {
        InventoryFeed podman = inventory.feed(ContainerKey.PODMAN, ContainerKey.ROOT, 10);
        Recorder r = new Recorder();
        inventory.subscribe(r);

        podman.put(c(podman, ID_A, "web", "created", 0));
        podman.put(c(podman, ID_A, "web", "running", 42));
        podman.put(c(podman, ID_A, "web", "running", 42));
        podman.remove(ID_A);
        podman.remove(ID_A);

        assertThat(r.calls).containsExactly("added web", "changed web created->running", "removed web");
        assertThat(inventory.all()).isEmpty();
        assertThat(inventory.byInitPid(42)).isEmpty();
    }

    @Test
    void subscribeReplaysWhatIsKnownThenFollows() {
        InventoryFeed podman = inventory.feed(ContainerKey.PODMAN, ContainerKey.ROOT, 10);
        podman.put(c(podman, ID_A, "web", "running", 42));
        Recorder r = new Recorder();
        InventoryListener counting = r;
        ContainerInventory.Subscription sub = inventory.subscribe(counting);
        podman.put(c(podman, ID_B, "db", "running", 43));
        sub.close();
        sub.close();
        podman.remove(ID_B);

        assertThat(r.calls).containsExactly("added web", "added db");
    }

    @Test
    void retainOnlyRemovesWhatTheListingNoLongerHasAndMarksSynced() {
        InventoryFeed podman = inventory.feed(ContainerKey.PODMAN, ContainerKey.ROOT, 10);
        Recorder r = new Recorder();
        inventory.subscribe(r);
        podman.put(c(podman, ID_A, "web", "running", 42));
        podman.put(c(podman, ID_B, "db", "running", 43));
        assertThat(inventory.synced()).isFalse();

        podman.retainOnly(Set.of(ID_B));

        assertThat(inventory.synced()).isTrue();
        assertThat(r.calls).containsExactly("added web", "added db", "removed web");
        assertThat(inventory.all()).extracting(ContainerInfo::name).containsExactly("db");
    }

    @Test
    void severalFeedsShareOneViewKeptApartByKey() {
        InventoryFeed rootful = inventory.feed(ContainerKey.PODMAN, ContainerKey.ROOT, 10);
        InventoryFeed alice = inventory.feed(ContainerKey.PODMAN, "alice", 10);
        InventoryFeed docker = inventory.feed(ContainerKey.DOCKER, ContainerKey.ROOT, 10);
        rootful.put(c(rootful, ID_A, "web", "running", 42));
        alice.put(c(alice, ID_B, "web", "running", 77));
        docker.put(c(docker, "c".repeat(64), "cache", "exited", 0));

        assertThat(inventory.all()).hasSize(3);
        assertThat(inventory.byName("web")).extracting(ContainerInfo::owner).containsExactlyInAnyOrder("root", "alice");
        assertThat(inventory.find("web")).as("ambiguous across owners").isEmpty();
        assertThat(inventory.find("cache").orElseThrow().engine()).isEqualTo("docker");
        assertThat(inventory.find(ID_B.substring(0, 12)).orElseThrow().owner()).isEqualTo("alice");
        assertThat(inventory.byId(ID_A).orElseThrow().key()).isEqualTo(new ContainerKey("podman", "root", ID_A));
        assertThat(inventory.byInitPid(77).orElseThrow().owner()).isEqualTo("alice");
        assertThat(alice.all()).extracting(ContainerInfo::id).containsExactly(ID_B);

        rootful.retainOnly(Set.of());
        assertThat(inventory.all()).as("one feed's listing never drops another's containers").hasSize(2);
        assertThat(inventory.synced()).as("alice and docker have not listed yet").isFalse();
    }

    @Test
    void aFeedAcceptsOnlyItsOwnContainersAndIsBounded() {
        InventoryFeed rootful = inventory.feed(ContainerKey.PODMAN, ContainerKey.ROOT, 1);
        InventoryFeed alice = inventory.feed(ContainerKey.PODMAN, "alice", 1);

        assertThatThrownBy(() -> rootful.put(c(alice, ID_A, "web", "running", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rootful.put(c(rootful, ID_A, "web", "running", 1))).isTrue();
        assertThat(rootful.put(c(rootful, ID_B, "db", "running", 2))).isFalse();
        assertThat(rootful.put(c(rootful, ID_A, "web", "exited", 0))).as("an update is never refused").isTrue();
        assertThat(rootful.refused()).isEqualTo(1);
        assertThat(alice.put(c(alice, ID_B, "db", "running", 2))).as("the bound is per feed").isTrue();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        InventoryFeed podman = inventory.feed(ContainerKey.PODMAN, ContainerKey.ROOT, 10);
        inventory.subscribe(new InventoryListener() {
            @Override
            public void added(ContainerInfo c) {
                throw new IllegalStateException("boom");
            }
        });
        Recorder r = new Recorder();
        inventory.subscribe(r);

        podman.put(c(podman, ID_A, "web", "running", 42));

        assertThat(r.calls).containsExactly("added web");
        assertThat(inventory.listenerFailures()).isEqualTo(1);
    }
}
