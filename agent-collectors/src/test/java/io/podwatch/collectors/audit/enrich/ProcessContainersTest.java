package io.podwatch.collectors.audit.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessContainersTest {
    static final String ID = "3f1c0a6e9d2b4c5a8e7f6d5c4b3a2918f7e6d5c4b3a29180f1e2d3c4b5a69788";

    @TempDir
    Path proc;

    void process(long pid, String cgroup) throws Exception {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(proc.resolve(pid + "/cgroup"), cgroup);
    }

    @Test
    void readsTheContainerIdFromEveryCgroupLayoutButNotConmons() {
        assertThat(ProcessContainers.containerId("0::/machine.slice/libpod-" + ID + ".scope/container\n")).isEqualTo(ID);
        assertThat(ProcessContainers.containerId("12:pids:/libpod_parent/libpod-" + ID + "\n0::/libpod_parent/libpod-"
                + ID + "\n")).isEqualTo(ID);
        assertThat(ProcessContainers.containerId("0::/machine.slice/libpod-conmon-" + ID + ".scope\n")).isEmpty();
        assertThat(ProcessContainers.containerId("0::/user.slice/user-1000.slice/session-3.scope\n")).isEmpty();
    }

    @Test
    void exitedProcessesResolveThroughTheirParentChainAndTheCache() throws Exception {
        ProcessContainers pc = new ProcessContainers(proc, Clock.systemUTC(), 60_000);
        process(100, "0::/libpod_parent/libpod-" + ID + "\n"); // the container's shell, still running
        assertThat(pc.containerOf(200, 100)).isEqualTo(ID); // 200 exited before its event was read
        assertThat(pc.containerOf(300, 200)).isEqualTo(ID); // its child too, via what 200's event taught
        process(400, "0::/user.slice\n");
        assertThat(pc.containerOf(400, 1)).isEmpty(); // on the host
        assertThat(pc.containerOf(500, 501)).isNull(); // gone without a trace
    }
}
