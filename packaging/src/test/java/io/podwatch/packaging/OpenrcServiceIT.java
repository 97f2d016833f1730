package io.podwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tarball's install.sh under Debian's OpenRC 0.45 (supervise-daemon): install, scrape,
 * confinement, kill -9, bad config, logrotate, stop, upgrade, uninstall, purge. The machine runs
 * {@code sleep infinity} under podman's --init (a reaper: without one, rc-service stop waits forever
 * for an unreaped zombie) and is marked booted by /run/openrc/softlevel.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenrcServiceIT {
    private static final String CONFIG = ServiceChecks.CONFIG;
    private Lab lab;
    private Machine m;
    private Path tarball;
    private String unpacked;

    @BeforeAll
    void boot() throws Exception {
        PodmanHarness.assumeAvailable();
        Host.assume(true, "debootstrap", "curl");
        long t0 = System.nanoTime();
        tarball = Built.artifact("podwatch-", ".tar.gz");
        Path rootfs = Built.rootfs("openrc");
        long tBoot = System.nanoTime();
        // privileged: the container's bounding set must hold the capabilities the script grants
        lab = Lab.start(rootfs, List.of("--privileged", "--init", "--init-path", reaper()), List.of("sleep", "infinity"));
        m = lab.machine;
        m.ok("mkdir -p /run/openrc && touch /run/openrc/softlevel");
        Timings.record("openrc: harness, probe container and machine", tBoot);
        Timings.record("openrc: all of the above and the rootfs", t0);
        unpacked = "/root/" + tarball.getFileName().toString().replace(".tar.gz", "");
    }

    /** Podman's own catatonit, else tini (docker.io depends on it): static, as it runs inside the machine. */
    private static String reaper() {
        for (String p : List.of("/usr/libexec/podman/catatonit", "/usr/bin/tini-static")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        Host.assume(false, "catatonit");
        throw new IllegalStateException("unreachable");
    }

    @AfterAll
    void shutdown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void installStartsAndScrapesHostAndContainers() throws Exception {
        long t0 = System.nanoTime();
        String out = m.ok("tar -C /root -xzf '/pkg/" + tarball.getFileName() + "' && '" + unpacked + "/install.sh'");
        Timings.record("openrc: install.sh (first start included)", t0);
        assertThat(out).contains("running (rc-service podwatch status)");
        assertThat(m.ok("rc-update show default")).contains("podwatch");
        m.ok("test -f /etc/conf.d/podwatch && test -f /etc/logrotate.d/podwatch && test -x /etc/init.d/podwatch");
        ServiceChecks.assertInstalledModes(m);
        ServiceChecks.shareSocket(lab.podman, m);
        long t1 = System.nanoTime();
        m.ok("rc-service podwatch restart");
        lab.awaitScrape();
        Timings.record("openrc: restart to first /metrics with the probe container", t1);
        ServiceChecks.assertConfined(m, ServiceChecks.agentPid(m));
    }

    @Test
    @Order(2)
    void killNineIsRespawnedAfterTheDelay() {
        String old = ServiceChecks.agentPid(m);
        long t0 = System.nanoTime();
        m.ok("kill -9 " + old);
        ServiceChecks.awaitNewPid(m, old, Duration.ofSeconds(20));
        double s = Timings.record("openrc: kill -9 to a new JVM (respawn_delay=5)", t0);
        assertThat(s).isBetween(4.0, 15.0);
        lab.awaitScrape();
    }

    @Test
    @Order(3)
    void badConfigFailsInStartPreAndDoesNotLoop() throws Exception {
        ServiceChecks.breakConfig(m);
        Machine.Result r = m.sh("rc-service podwatch restart");
        assertThat(r.code()).isNotZero();
        assertThat(r.out() + r.err()).contains("no-such-key");
        Thread.sleep(11_000);
        assertThat(ServiceChecks.processesOfAgentUser(m)).isEmpty();
        assertThat(m.sh("rc-service podwatch status").code()).isNotZero();
        // an edit the upgrade must keep
        ServiceChecks.restoreEditedConfig(m);
        m.ok("rc-service podwatch start");
        lab.awaitScrape();
    }

    @Test
    @Order(4)
    void logrotateRotatesTheServiceLog() {
        m.ok("test -s /var/log/podwatch/podwatch.log");
        m.ok("logrotate -f /etc/logrotate.d/podwatch");
        m.ok("test -f /var/log/podwatch/podwatch.log.1");
        assertThat(m.ok("stat -c %U /var/log/podwatch/podwatch.log")).isEqualTo("podwatch");
    }

    @Test
    @Order(5)
    void stopLeavesNoProcess() {
        long t0 = System.nanoTime();
        m.ok("rc-service podwatch stop");
        Timings.record("openrc: rc-service stop", t0);
        assertThat(ServiceChecks.processesOfAgentUser(m)).isEmpty();
        assertThat(m.sh("pgrep -f '[s]upervise-daemon podwatch'").code()).isNotZero();
        m.ok("rc-service podwatch start");
        lab.awaitScrape();
    }

    @Test
    @Order(6)
    void upgradeRestartsAndKeepsTheEditedConfig() throws Exception {
        Path work = Files.createTempDirectory(lab.podman.dir(), "upgrade");
        Path next = Built.bumpedTarball(tarball, work);
        m.copyIn(next, "/root/upgrade.tar.gz");
        String old = ServiceChecks.agentPid(m);
        long t0 = System.nanoTime();
        m.ok("mkdir /root/up && tar -C /root/up -xzf /root/upgrade.tar.gz && /root/up/*/install.sh");
        Timings.record("openrc: install.sh of the upgrade", t0);
        assertThat(m.ok("cat /usr/share/podwatch/VERSION")).endsWith(Built.BUMP);
        ServiceChecks.assertEditKept(m);
        assertThat(m.sh("test -e " + CONFIG + ".new").code()).as("the default did not change").isNotZero();
        ServiceChecks.awaitNewPid(m, old, Duration.ofSeconds(30));
        lab.awaitScrape();
    }

    @Test
    @Order(7)
    void uninstallStopsAndKeepsConfigThenPurgeDeletesIt() {
        m.ok("/usr/share/podwatch/uninstall.sh");
        assertThat(ServiceChecks.processesOfAgentUser(m)).isEmpty();
        assertThat(m.sh("test -e /usr/bin/podwatch || test -e /usr/share/podwatch || test -e /etc/init.d/podwatch").code()).isNotZero();
        assertThat(m.ok("rc-update show default")).doesNotContain("podwatch");
        m.ok("test -f " + CONFIG + " && test -f /etc/conf.d/podwatch && test -d /var/lib/podwatch && test -d /var/log/podwatch");
        m.ok("'" + unpacked + "/uninstall.sh' --purge");
        assertThat(m.sh("test -e /etc/podwatch || test -e /var/lib/podwatch || test -e /var/log/podwatch || test -e /etc/conf.d/podwatch").code()).isNotZero();
        m.ok("id podwatch");
    }
}
