package io.podwatch.collectors.podman;

import io.podwatch.core.model.ContainerMetrics;
import static io.podwatch.collectors.podman.PodmanItKit.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stats collector against a real Podman service and real containers, through both sources. */
class PodmanStatsIT {
    private static PodmanHarness h;
    private static PodmanItKit api;
    private static PodmanItKit cgroup;

    @BeforeAll
    static void setUp() throws Exception {
        h = PodmanHarness.create();
        h.startService();
        api = PodmanItKit.start(PodmanItKit.config(h, StatsSourceKind.API), h.dir().resolve("state-api"));
        cgroup = PodmanItKit.start(PodmanItKit.config(h, StatsSourceKind.CGROUP), h.dir().resolve("state-cg"));
    }

    @AfterAll
    static void tearDown() {
        if (api != null) {
            api.close();
        }
        if (cgroup != null) {
            cgroup.close();
        }
        if (h != null) {
            h.close();
        }
    }

    @Test
    void cpuBurnersCounterGrowsAtTheRateTheBurnerRuns() throws Exception {
        h.runDetached(List.of("--name", "burner"), "while :; do :; done");
        try {
            long pid = Long.parseLong(h.podman("inspect", "--format", "{{.State.Pid}}", "burner"));
            for (PodmanItKit kit : List.of(api, cgroup)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> value(kit.collect(), ContainerMetrics.CPU, "burner").isPresent());
                double cpu0 = value(kit.collect(), ContainerMetrics.CPU, "burner").getAsDouble();
                double truth0 = processCpuSeconds(pid);
                long t0 = System.nanoTime();
                // real CPU time has to accrue: wait for the wall clock, not a fixed sleep
                await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(10))
                        .until(() -> System.nanoTime() - t0 > 3_000_000_000L);
                double cpu1 = value(kit.collect(), ContainerMetrics.CPU, "burner").getAsDouble();
                double truth1 = processCpuSeconds(pid);
                double wall = (System.nanoTime() - t0) / 1e9;
                double rate = (cpu1 - cpu0) / wall;
                double truthRate = (truth1 - truth0) / wall;
                String what = kit.module.collector().sourceName() + " cpu rate vs the burner's own /proc/PID/stat rate";
                System.out.printf("cpu rate %s: counter %.3f, process %.3f cores%n", kit.module.collector().sourceName(), rate, truthRate);
                // the VM's 2 cores are shared: the burner gets one core when the host is quiet, less when not,
                // and the counter must follow what it really got
                assertThat(rate).as(what).isCloseTo(truthRate, within(0.1 + 0.1 * truthRate));
                if (truthRate > 0.85) {
                    assertThat(rate).as(what).isBetween(0.8, 1.1);
                }
            }
        } finally {
            h.podman("rm", "-f", "-t", "0", "burner");
        }
    }

    /** utime + stime of one process in seconds (USER_HZ is 100 on Linux). */
    private static double processCpuSeconds(long pid) throws java.io.IOException {
        return io.podwatch.collectors.testing.Host.processCpuSeconds(pid);
    }

    @Test
    void memoryAndPidsAreRight() throws Exception {
        // 40 MiB in the container's tmpfs is charged to its memory cgroup; 1 shell + 3 sleeps = 4 tasks
        h.runDetached(List.of("--name", "hog", "--memory", "128m", "--pids-limit", "50"),
                "head -c 41943040 /dev/zero > /dev/shm/fill; sleep 1000 & sleep 1000 & sleep 1000 & wait");
        try {
            for (PodmanItKit kit : List.of(api, cgroup)) {
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    SampleBatch b = kit.collect();
                    assertThat(value(b, ContainerMetrics.PROCESSES, "hog")).hasValue(4);
                    assertThat(value(b, ContainerMetrics.MEMORY_USAGE, "hog").orElse(0)).isBetween(40e6, 60e6);
                    assertThat(value(b, ContainerMetrics.MEMORY_WORKING_SET, "hog").orElse(0)).isGreaterThan(40e6);
                    assertThat(value(b, ContainerMetrics.SPEC_MEMORY_LIMIT, "hog")).hasValue(128 << 20);
                });
            }
            SampleBatch b = cgroup.collect();
            assertThat(value(b, ContainerMetrics.THREADS_MAX, "hog")).hasValue(50);
            assertThat(value(b, ContainerMetrics.MEMORY_CACHE, "hog").orElse(0)).as("tmpfs is page cache").isGreaterThan(40e6);
        } finally {
            h.podman("rm", "-f", "-t", "0", "hog");
        }
    }

    @Test
    void bothSourcesGiveTheSameFamiliesAndCloseValues() throws Exception {
        h.runDetached(List.of("--name", "idle1"), "sleep 1000");
        h.runDetached(List.of("--name", "idle2"), "sleep 1000 & sleep 1000");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> value(api.collect(), ContainerMetrics.CPU, "idle2").isPresent()
                    && value(cgroup.collect(), ContainerMetrics.CPU, "idle2").isPresent());
            SampleBatch a = api.collect();
            SampleBatch c = cgroup.collect();
            Set<String> apiFamilies = families(a, "idle1");
            Set<String> cgFamilies = families(c, "idle1");
            assertThat(cgFamilies).containsAll(apiFamilies);
            assertThat(cgFamilies).as("the cgroup path adds what the API lacks")
                    .contains("container_cpu_cfs_periods_total", "container_oom_events_total", "container_memory_rss");
            for (String name : List.of("idle1", "idle2")) {
                for (MetricDef d : List.of(ContainerMetrics.PROCESSES, ContainerMetrics.STATE, ContainerMetrics.START_TIME)) {
                    assertThat(value(c, d, name)).as(d.name()).isEqualTo(value(a, d, name));
                }
                assertThat(value(c, ContainerMetrics.CPU, name).getAsDouble())
                        .isCloseTo(value(a, ContainerMetrics.CPU, name).getAsDouble(), within(0.05));
                assertThat(value(c, ContainerMetrics.MEMORY_USAGE, name).getAsDouble())
                        .isCloseTo(value(a, ContainerMetrics.MEMORY_USAGE, name).getAsDouble(), within(1e6));
            }
        } finally {
            h.podman("rm", "-f", "-t", "0", "idle1", "idle2");
        }
    }

    @Test
    void removedContainerIsGoneFromTheNextBatch() throws Exception {
        h.runDetached(List.of("--name", "shortlived"), "sleep 1000");
        for (PodmanItKit kit : List.of(api, cgroup)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> value(kit.collect(), ContainerMetrics.STATE, "shortlived").isPresent());
        }
        h.podman("rm", "-f", "-t", "0", "shortlived");
        for (PodmanItKit kit : List.of(api, cgroup)) {
            // the events stream brings the removal; no re-list is due within the test
            await().atMost(Duration.ofSeconds(10)).until(() -> kit.collect().samples().stream()
                    .noneMatch(s -> s.label("name").equals("shortlived")));
        }
    }

    @Test
    void onFailureContainerDiesWithItsExitCodeAndIsRestarted() throws Exception {
        h.runDetached(List.of("--name", "crasher", "--restart=on-failure:3"), "exit 1");
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Event> died = events(api, "crasher", ContainerEvents.DIED);
                assertThat(died).hasSize(4); // the first run and three restarts
                assertThat(died).allSatisfy(e -> assertThat(e.fields()).containsEntry(ContainerEvents.EXIT_CODE, 1));
                assertThat(events(api, "crasher", ContainerEvents.RESTART)).hasSize(3);
            });
            Event last = events(api, "crasher", ContainerEvents.DIED).get(3);
            assertThat(last.fields()).containsEntry(ContainerEvents.RESTART_POLICY, "on-failure")
                    .containsEntry(ContainerEvents.RESTART_MAX, 3).containsKey(ContainerEvents.RESTART_COUNT)
                    .containsKey(ContainerEvents.STARTED_AT);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                SampleBatch b = api.collect();
                assertThat(value(b, ContainerMetrics.RESTARTS, "crasher")).hasValue(3);
                assertThat(value(b, ContainerMetrics.EXIT_CODE, "crasher")).hasValue(1);
            });
        } finally {
            h.podman("rm", "-f", "-t", "0", "crasher");
        }
    }

    private static List<Event> events(PodmanItKit kit, String name, String action) {
        return kit.out.events.stream().filter(e -> e.action().equals(action) && e.container().name().equals(name)).toList();
    }

    private static Set<String> families(SampleBatch b, String name) {
        return b.samples().stream().filter(s -> s.label("name").equals(name)).map(Sample::metric).map(MetricDef::name)
                .collect(Collectors.toSet());
    }
}
