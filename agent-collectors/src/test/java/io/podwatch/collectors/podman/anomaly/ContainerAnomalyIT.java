package io.podwatch.collectors.podman.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.testing.PodmanHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The anomaly detectors against real containers, collected every second as the agent does. The
 * warm-up is {@value #WARMUP} samples (set through {@code anomaly.warmup-samples}) instead of the
 * NAB-tuned 150, so a test takes seconds, not minutes; containers idle a little longer than that
 * before they change. The soak runs 2 minutes, or 10 with {@code -Dpodwatch.soak=true}.
 */
class ContainerAnomalyIT {
    static final int WARMUP = 20;
    static final int IDLE_SECONDS = WARMUP + 15;
    private static final AtomicInteger RUN = new AtomicInteger();
    private static PodmanHarness h;
    private AnomalyPipeline pipeline;

    @BeforeAll
    static void harness() throws Exception {
        h = PodmanHarness.create();
        h.startService();
    }

    @AfterAll
    static void closeHarness() {
        if (h != null) {
            h.close();
        }
    }

    @BeforeEach
    void startPipeline() throws Exception {
        pipeline = new AnomalyPipeline(h, h.dir().resolve("state-" + RUN.incrementAndGet()),
                "anomaly:\n  warmup-samples: " + WARMUP + "\n");
        pipeline.start();
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @Test
    void idleThenBurningCpuRaisesContainerCpuAnomalyWithinThirtySeconds() {
        h.runDetached(List.of("--name", "burner"), "sleep " + IDLE_SECONDS + "; while :; do :; done");
        try {
            await().atMost(Duration.ofSeconds(IDLE_SECONDS + 30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> pipeline.firstFire("ContainerCpuAnomaly", "burner").isPresent());
            long burnStart = pipeline.firstCpuAbove("burner", 0.1).orElseThrow();
            AnomalyPipeline.Transition fire = pipeline.firstFire("ContainerCpuAnomaly", "burner").orElseThrow();
            System.out.printf("burner: CPU over 0.1 cores at batch %d, ContainerCpuAnomaly at batch %d: %s%n",
                    burnStart, fire.batch(), fire.annotations().get("description"));
            // confirmed by duration (anomaly.for, 15 s): a sustained change pages within 30 s, not on its first sample
            assertThat(fire.batch() - burnStart + 1).as("seconds (1 s samples) from the burn's start to the alert").isBetween(15L, 30L);
            assertThat(burnStart).as("the burn came after the warm-up").isGreaterThan(WARMUP);
        } finally {
            h.podman("rm", "-f", "-t", "0", "burner");
        }
    }

    @Test
    void memoryGrowingTowardsItsLimitRaisesContainerMemoryNearLimit() {
        // 2 MiB a second into the container's tmpfs, charged to its memory cgroup, up to 60 MiB of the 64 MiB limit
        h.runDetached(List.of("--name", "grower", "-m", "64m", "--shm-size", "128m"),
                "sleep " + IDLE_SECONDS + "; i=0; while [ $i -lt 30 ]; do"
                        + " dd if=/dev/zero of=/dev/shm/f$i bs=1M count=2 2>/dev/null; i=$((i+1)); sleep 1; done; sleep 1000");
        try {
            await().atMost(Duration.ofSeconds(IDLE_SECONDS + 60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> pipeline.firstFire("ContainerMemoryNearLimit", "grower").isPresent());
            System.out.println("grower: " + pipeline.transitions());
            assertThat(pipeline.firstFire("ContainerMemoryNearLimit", "grower").orElseThrow().annotations().get("description"))
                    .contains("of the 64 MiB limit");
        } finally {
            h.podman("rm", "-f", "-t", "0", "grower");
        }
    }

    /**
     * busybox {@code httpd} serves 20 MB to a {@code wget} loop in another container: the server
     * sends, the client receives. (busybox {@code nc} between containers moved only 80–270 KB/s here,
     * too close to the 64 KiB/s minimum change to be a reliable test.)
     */
    @Test
    void sendingToAnotherContainerRaisesContainerNetworkAnomaly() {
        String net = "pwanom" + ProcessHandle.current().pid();
        h.podman("network", "create", net);
        try {
            h.runDetached(List.of("--name", "web", "--network", net),
                    "mkdir -p /www && dd if=/dev/zero of=/www/big bs=1M count=20 2>/dev/null && httpd -f -p 8080 -h /www");
            // by address: a CNI network without the dnsname plugin (Debian 12's podman) resolves no names
            String webIp = h.podman("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + net + "\").IPAddress}}",
                    "web").strip();
            h.runDetached(List.of("--name", "fetcher", "--network", net), "sleep " + IDLE_SECONDS
                    + "; while :; do wget -q -O /dev/null http://" + webIp + ":8080/big; done");
            try {
                await().atMost(Duration.ofSeconds(IDLE_SECONDS + 45)).pollInterval(Duration.ofMillis(500))
                        .until(() -> pipeline.firstFire("ContainerNetworkAnomaly", "web", "net_tx").isPresent()
                                && pipeline.firstFire("ContainerNetworkAnomaly", "fetcher", "net_rx").isPresent());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no network anomaly on both ends; transitions " + pipeline.transitions()
                        + "; " + pipeline.spreadSummary("web") + "; " + pipeline.spreadSummary("fetcher"), e);
            }
            AnomalyPipeline.Transition tx = pipeline.firstFire("ContainerNetworkAnomaly", "web", "net_tx").orElseThrow();
            AnomalyPipeline.Transition rx = pipeline.firstFire("ContainerNetworkAnomaly", "fetcher", "net_rx").orElseThrow();
            System.out.printf("network: web %s at batch %d (%s), fetcher %s at batch %d (%s)%n", tx.signal(), tx.batch(),
                    tx.annotations().get("description"), rx.signal(), rx.batch(), rx.annotations().get("description"));
            assertThat(tx.batch()).as("after the warm-up").isGreaterThan(WARMUP);
            assertThat(rx.batch() - tx.batch()).as("both ends on the same incident").isBetween(-2L, 2L);
        } finally {
            h.podman("rm", "-f", "-t", "0", "web", "fetcher");
            h.podman("network", "rm", "-f", net);
        }
    }

    @Test
    void steadyAndGentlyNoisyContainersRaiseNothingOverTheSoak() {
        Duration soak = Boolean.getBoolean("podwatch.soak") ? Duration.ofMinutes(10) : Duration.ofMinutes(2);
        h.runDetached(List.of("--name", "steady"), "sleep 100000");
        // a little shell work every second, with a varying amount: tens of milliseconds of CPU, a few tasks
        h.runDetached(List.of("--name", "noisy"), "while :; do n=$(( $(date +%s) % 7 * 300 )); i=0;"
                + " while [ $i -lt $n ]; do i=$((i+1)); done; sleep 1 & wait; done");
        try {
            long t0 = System.nanoTime();
            await().atMost(soak.plusMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> System.nanoTime() - t0 >= soak.toNanos());
            List<AnomalyPipeline.Transition> raised = pipeline.transitions().stream()
                    .filter(t -> t.container().equals("steady") || t.container().equals("noisy")).toList();
            System.out.printf("soak %s: %d batches, transitions %s%n", soak, pipeline.batches(), raised);
            System.out.println(pipeline.spreadSummary("steady"));
            System.out.println(pipeline.spreadSummary("noisy"));
            assertThat(pipeline.batches()).as("collections at 1 s").isGreaterThan(soak.toSeconds() * 8 / 10);
            assertThat(raised).isEmpty();
        } finally {
            h.podman("rm", "-f", "-t", "0", "steady", "noisy");
        }
    }
}
