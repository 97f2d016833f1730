package io.podwatch.collectors.podman.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.podwatch.collectors.podman.Fixtures;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.core.inventory.Limits;
import io.podwatch.core.inventory.Security;
import io.podwatch.collectors.podman.stats.ContainerStats;
import io.podwatch.collectors.podman.stats.NetStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupStatsSourceTest {
    private static final String ID = "05a5e92e474f19dce5c7409ce022aa131343e24e774d16fa3c9762e494aef69d";

    private static ContainerInfo running(long pid, String cgroupPath) {
        return new ContainerInfo(ContainerKey.rootPodman(ID), "burner", "img", "", "", "running", null, Instant.EPOCH,
                null, 0, pid, 0, 0, "", 0, cgroupPath, Map.of(), List.of(), Limits.NONE, Security.UNKNOWN, false, true);
    }

    @Test
    void readsCgroupV1Tree() throws IOException {
        Path root = Fixtures.path("cgroup-v1/burner");
        try (CgroupStatsSource src = new CgroupStatsSource(root.resolve("sys"), root.resolve("proc"))) {
            ContainerStats s = src.read(List.of(running(11443, ""))).get(ID);

            assertThat(s.cpuSeconds()).isCloseTo(36.747624270, within(1e-9));
            // usage_user/usage_sys are tick-sampled by the kernel, so they need not add up to usage
            assertThat(s.cpuUserSeconds()).isCloseTo(38.122601094, within(1e-9));
            assertThat(s.cpuSystemSeconds()).isCloseTo(0.123955385, within(1e-9));
            assertThat(s.memoryUsage()).isEqualTo(520192);
            assertThat(s.memoryWorkingSet()).isEqualTo(520192); // total_inactive_file is 0 here
            assertThat(s.memoryRss()).isEqualTo(172032);
            assertThat(s.memoryCache()).isEqualTo(4096);
            assertThat(s.fsReadBytes()).isEqualTo(1048576 + 2048);
            assertThat(s.fsWriteBytes()).isEqualTo(4096 + 8192);
            assertThat(s.pids()).isEqualTo(3);
            assertThat(s.pidsLimit()).isEqualTo(100);
            assertThat(s.cfsPeriods()).isEqualTo(620);
            assertThat(s.cfsThrottledPeriods()).isZero();
            assertThat(s.oomKills()).isZero();
            assertThat(s.network()).containsExactly(new NetStats("eth0", 2500, 30, 0, 0, 796, 10, 0, 0));
        }
    }

    @Test
    void readsCgroupV2Tree() throws IOException {
        Path root = Fixtures.path("cgroup-v2/web");
        try (CgroupStatsSource src = new CgroupStatsSource(root.resolve("sys"), root.resolve("proc"))) {
            ContainerStats s = src.read(List.of(running(4242, ""))).get(ID);

            assertThat(s.cpuSeconds()).isCloseTo(8.199019, within(1e-9));
            assertThat(s.cpuUserSeconds()).isCloseTo(8.135064, within(1e-9));
            assertThat(s.cpuSystemSeconds()).isCloseTo(0.063955, within(1e-9));
            assertThat(s.cfsThrottledPeriods()).isEqualTo(12);
            assertThat(s.cfsThrottledSeconds()).isCloseTo(0.25, within(1e-9));
            assertThat(s.memoryUsage()).isEqualTo(520192);
            assertThat(s.memoryWorkingSet()).isEqualTo(520192 - 344064);
            assertThat(s.memoryRss()).isEqualTo(172032);
            assertThat(s.memoryCache()).isEqualTo(348160);
            assertThat(s.oomKills()).isEqualTo(1);
            assertThat(s.fsReadBytes()).isEqualTo(1050624);
            assertThat(s.fsWriteBytes()).isEqualTo(12288);
            assertThat(s.pids()).isEqualTo(3);
            assertThat(s.pidsLimit()).as("max is unlimited, 0 as cAdvisor").isZero();
            assertThat(s.network()).extracting(NetStats::iface).containsExactly("eth0", "eth1");
            assertThat(s.network().get(0)).isEqualTo(new NetStats("eth0", 2430, 29, 1, 2, 726, 9, 3, 4));
        }
    }

    @Test
    void fallsBackToInspectCgroupPathWhenProcIsUnreadable(@TempDir Path emptyProc) throws IOException {
        Path root = Fixtures.path("cgroup-v1/burner");
        try (CgroupStatsSource src = new CgroupStatsSource(root.resolve("sys"), emptyProc)) {
            Map<String, ContainerStats> s = src.read(List.of(running(11443, "/libpod_parent/libpod-" + ID)));

            assertThat(s.get(ID).memoryUsage()).isEqualTo(520192);
            assertThat(s.get(ID).network()).isEmpty();
        }
    }

    @Test
    void vanishedContainerIsMissingAndItsFilesAreReleased(@TempDir Path tmp) throws IOException {
        Path sys = tmp.resolve("sys");
        Path dir = Files.createDirectories(sys.resolve("machine.slice/c1.scope"));
        Files.writeString(sys.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 2000000\nuser_usec 1000000\nsystem_usec 1000000\n");
        Files.writeString(dir.resolve("memory.current"), "100\n");
        try (CgroupStatsSource src = new CgroupStatsSource(sys, tmp.resolve("proc"))) {
            ContainerInfo c = running(7, "/machine.slice/c1.scope");
            assertThat(src.read(List.of(c)).get(ID).cpuSeconds()).isEqualTo(2.0);
            assertThat(src.openContainers()).isEqualTo(1);

            Files.writeString(dir.resolve("cpu.stat"), "usage_usec 3500000\nuser_usec 2000000\nsystem_usec 1500000\n");
            assertThat(src.read(List.of(c)).get(ID).cpuSeconds()).as("re-read through the kept descriptor").isEqualTo(3.5);

            assertThat(src.read(List.of())).isEmpty();
            assertThat(src.openContainers()).isZero();
        }
    }

    @Test
    void noHierarchyIsNotUsable(@TempDir Path tmp) {
        assertThat(new CgroupStatsSource(tmp, tmp).usable()).isFalse();
    }
}
