package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.exec.CommandRunner;
import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host checks against this VM, compared with what the test reads of it independently. */
class HostChecksIT {
    @Test
    void reportWhatIsTrueOfThisHost() throws Exception {
        Host.assume(true, "auditctl", "podman");
        EngineInfo engine;
        try (PodmanHarness h = PodmanHarness.create()) {
            engine = EngineInfo.from(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(h.podman("info", "--format", "json")));
        }
        Map<Check, Outcome> out = new HostEvaluator(HostFiles.real(), new ProcessCommandRunner()).evaluate(engine);

        String mountedAtCgroup = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                .filter(l -> l.split(" ")[1].equals("/sys/fs/cgroup")).findFirst().orElse("");
        if (mountedAtCgroup.contains(" cgroup2 ")) {
            assertThat(out.get(HostChecks.CGROUP_NOT_V2).passed()).isTrue();
        } else {
            assertThat(out.get(HostChecks.CGROUP_NOT_V2).detail()).startsWith(
                    Files.isDirectory(Path.of("/sys/fs/cgroup/unified")) ? "hybrid" : "v1");
        }
        assertThat(out.get(HostChecks.RUNTIME_NOT_CRUN)).isEqualTo(
                engine.ociRuntime().equals("crun") ? Outcome.pass() : Outcome.fail("runtime " + engine.ociRuntime()));
        assertThat(out.get(HostChecks.ROOTFUL_ENGINE).kind()).isEqualTo(Outcome.Kind.FAIL);
        // Podman 4.3's default set includes AUDIT_WRITE and MKNOD, which the seeds list as removed
        assertThat(out.get(HostChecks.ENGINE_DEFAULT_CAPS).passed())
                .isEqualTo(!engine.defaultCaps().contains("AUDIT_WRITE") && !engine.defaultCaps().contains("MKNOD"));

        boolean selinux = Files.exists(Path.of("/sys/fs/selinux/enforce"))
                && Files.readString(Path.of("/sys/fs/selinux/enforce")).trim().equals("1");
        boolean apparmor = Files.exists(Path.of("/sys/module/apparmor/parameters/enabled"))
                && Files.readString(Path.of("/sys/module/apparmor/parameters/enabled")).startsWith("Y");
        assertThat(out.get(HostChecks.NO_LSM).passed()).isEqualTo(selinux || apparmor);

        String status = Host.run(Map.of(), List.of("auditctl", "-s"));
        assertThat(out.get(HostChecks.AUDIT_DISABLED).passed()).isEqualTo(!status.contains("enabled 0"));
        boolean auditd = Host.run(Map.of(), List.of("sh", "-c", "cat /proc/[0-9]*/comm 2>/dev/null"))
                .lines().anyMatch("auditd"::equals);
        assertThat(out.get(HostChecks.AUDITD_NOT_RUNNING).passed()).isEqualTo(auditd);

        // apt-get is here, so the pending-updates check must decide (fail or pass), never "unknown"
        if (Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            assertThat(out.get(HostChecks.PENDING_UPDATES).kind()).isNotEqualTo(Outcome.Kind.UNKNOWN);
        }
        out.forEach((c, o) -> System.out.println("host check " + c.id() + ": " + o.kind() + " " + o.detail()));
    }

    @Test
    void commandRunnerBoundsAHungCommand() throws Exception {
        Host.assume(false, "sleep");
        long t0 = System.nanoTime();
        CommandRunner.Result r = new ProcessCommandRunner().run(List.of("sleep", "30"), Duration.ofMillis(300));
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.stderr()).contains("did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(new ProcessCommandRunner().run(List.of("/nonexistent/tool"), Duration.ofSeconds(1)).stderr())
                .startsWith("cannot run /nonexistent/tool");
    }
}
