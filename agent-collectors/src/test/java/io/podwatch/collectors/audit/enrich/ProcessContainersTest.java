package io.podwatch.collectors.audit.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.engine.proc.ProcStat;
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

    void process(long pid, long ppid, String exe, String cgroup, String... argv) throws Exception {
        process(pid, cgroup);
        Files.writeString(proc.resolve(pid + "/stat"), pid + " (a b) c) S " + ppid + " 1 1 0 -1\n");
        Files.writeString(proc.resolve(pid + "/cmdline"), String.join("\0", argv) + "\0");
        Files.createSymbolicLink(proc.resolve(pid + "/exe"), Path.of(exe));
    }

    @Test
    void dockerCgroupsOfBothDriversNameTheContainer() {
        assertThat(ProcessContainers.containerId("0::/system.slice/docker-" + ID + ".scope\n")).isEqualTo(ID);
        assertThat(ProcessContainers.containerId("4:memory:/docker/" + ID + "\n")).isEqualTo(ID);
    }

    @Test
    void rootlessProcessesWithoutACgroupResolveThroughTheirLiveConmonAncestor() throws Exception {
        ProcessContainers pc = new ProcessContainers(proc, Clock.systemUTC(), 60_000);
        String session = "0::/user.slice/user-1001.slice/session-4.scope\n";
        process(600, 1, "/usr/bin/bash", session, "bash");
        process(650, 600, "/usr/bin/conmon", session, "/usr/bin/conmon", "--api-version", "1", "-c", ID, "-u", ID);
        process(700, 650, "/bin/busybox", session, "sh", "-c", "sleep 1");
        process(710, 700, "/bin/busybox", session, "sleep", "1");
        assertThat(pc.containerOf(710, 700)).isEqualTo(ID);
        assertThat(pc.containerOf(800, 710)).isEqualTo(ID); // exited: its parent is known by now
        assertThat(pc.containerOf(600, 1)).isEmpty(); // the user's shell is on the host
    }

    @Test
    void aMonitorOutsideTheSystemDirectoriesIsNotBelieved() throws Exception {
        ProcessContainers pc = new ProcessContainers(proc, Clock.systemUTC(), 60_000);
        process(650, 1, "/home/mallory/conmon", "0::/user.slice\n", "conmon", "-c", ID);
        process(700, 650, "/usr/bin/cat", "0::/user.slice\n", "cat");
        assertThat(pc.containerOf(700, 650)).isEmpty();
    }

    @Test
    void runtimeExecsInTheAuditStreamTeachTheMonitorOfProcessesThatAreAllGone() {
        ProcessContainers pc = new ProcessContainers(proc, Clock.systemUTC(), 60_000);
        // conmon (900, gone) ran "runc create" (910, gone); the container's cat (920) exited too
        pc.learnExec(910, 900, "/usr/bin/runc", java.util.List.of("/usr/bin/runc", "--root", "/run/runc", "create",
                "--bundle", "/b", "--pid-file", "/p", ID));
        assertThat(pc.containerOf(920, 900)).isEqualTo(ID);
        // runc itself runs on the host: its own events are not the container's
        assertThat(pc.containerOf(910, 900)).isNotEqualTo(ID);
        // "runc kill" is run by the engine's CLI: its parent is not the container
        pc.learnExec(930, 500, "/usr/bin/runc", java.util.List.of("runc", "kill", ID, "KILL"));
        assertThat(pc.containerOf(940, 500)).isNull();
    }

    @Test
    void theEnginesMonitorMapAttributesChildrenOfAShimThatIsGone() {
        io.podwatch.collectors.engine.MonitorPids monitors = new io.podwatch.collectors.engine.MonitorPids();
        monitors.put(1200, ID);
        ProcessContainers pc = new ProcessContainers(proc, Clock.systemUTC(), 60_000, monitors);
        assertThat(pc.containerOf(1300, 1200)).isEqualTo(ID);
        monitors.removeContainer(ID);
        assertThat(monitors.size()).isZero();
    }

    @Test
    void ppidIsReadPastACommandNameWithParentheses() {
        assertThat(ProcStat.ppid("42 (x) y) (z) S 17 42 42 0")).isEqualTo(17);
        assertThat(ProcStat.ppid("garbage")).isEqualTo(-1);
    }
}
