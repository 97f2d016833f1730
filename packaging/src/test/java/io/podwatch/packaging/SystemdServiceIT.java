package io.podwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .deb under a real systemd (PID 1 of a privileged bookworm container with a private cgroup
 * namespace, so ProtectSystem, PrivateTmp and MemoryMax are really enforced): install, scrape,
 * confinement, kill -9, bad config (exit 3 and 4), stop, upgrade, remove, purge. Steps run in order
 * on one machine, as an operator would meet them.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdServiceIT {
    private static final String CONFIG = ServiceChecks.CONFIG;
    private Lab lab;
    private Machine m;
    private Path deb;

    @BeforeAll
    void boot() throws Exception {
        PodmanHarness.assumeAvailable();
        Host.assume(true, "debootstrap", "dpkg-deb", "curl");
        long t0 = System.nanoTime();
        deb = Built.artifact("podwatch_", "_all.deb");
        Path rootfs = Built.rootfs("systemd");
        long tBoot = System.nanoTime();
        lab = Lab.start(rootfs, List.of("--privileged", "--cgroupns=private", "--systemd=always"), List.of("/sbin/init"));
        m = lab.machine;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> m.sh("systemctl is-system-running").out().matches("running|degraded"));
        Timings.record("systemd: harness, probe container and boot to running", tBoot);
        Timings.record("systemd: all of the above and the rootfs", t0);
    }

    @AfterAll
    void shutdown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void installEnablesStartsAndScrapesHostAndContainers() throws Exception {
        long t0 = System.nanoTime();
        // the JRE is the host's, bind-mounted: dpkg cannot see it, hence --force-depends
        m.ok("dpkg -i --force-depends /pkg/" + deb.getFileName());
        Timings.record("systemd: dpkg -i", t0);
        assertThat(m.ok("systemctl is-enabled podwatch")).isEqualTo("enabled");
        assertThat(m.ok("id -nG podwatch")).contains("adm");
        ServiceChecks.assertInstalledModes(m);
        ServiceChecks.shareSocket(lab.podman, m);
        long t1 = System.nanoTime();
        m.ok("systemctl restart podwatch");
        String body = lab.awaitScrape();
        Timings.record("systemd: restart to first /metrics with the probe container", t1);
        assertThat(body).contains("podwatch_podman_up 1.0");
        ServiceChecks.assertConfined(m, mainPid());
    }

    @Test
    @Order(2)
    void unitIsHardenedAndVerifiesClean() {
        String security = m.ok("systemd-analyze security --no-pager podwatch.service");
        Matcher x = Pattern.compile("Overall exposure level for podwatch.service: ([0-9.]+)").matcher(security);
        assertThat(x.find()).as(security).isTrue();
        System.out.println("[service-it] systemd-analyze security: " + x.group(1));
        assertThat(Double.parseDouble(x.group(1))).as("exposure").isLessThanOrEqualTo(5.0);
        // verify exits 0 on unknown keys: every line on stderr is a remark
        Machine.Result verify = m.sh("systemd-analyze verify podwatch.service");
        assertThat(verify.code()).isZero();
        assertThat(verify.err() + verify.out()).isEmpty();
        // and the limits it declares are in force (this is why the machine has a private cgroup namespace)
        // (cgroup v2: memory.max; v1, as on this VM: the memory controller's limit_in_bytes)
        assertThat(m.ok("cat /sys/fs/cgroup/system.slice/podwatch.service/memory.max 2>/dev/null"
                + " || cat /sys/fs/cgroup/memory/system.slice/podwatch.service/memory.limit_in_bytes"))
                .isEqualTo(Long.toString(256L << 20));
        assertThat(m.ok("nsenter -t " + mainPid() + " -m sh -c 'touch /etc/podwatch-probe 2>&1 || true'")).contains("Read-only file system");
    }

    @Test
    @Order(3)
    void killNineComesBackWithinTheRestartDelay() {
        String old = mainPid();
        long t0 = System.nanoTime();
        m.ok("kill -9 " + old);
        String pid = ServiceChecks.awaitNewPid(m, old, Duration.ofSeconds(20));
        double s = Timings.record("systemd: kill -9 to a new JVM (RestartSec=5s)", t0);
        assertThat(s).isBetween(4.0, 15.0);
        await().atMost(Duration.ofSeconds(20)).until(() -> m.sh("systemctl is-active podwatch").out().equals("active"));
        assertThat(pid).isEqualTo(mainPid());
        lab.awaitScrape();
    }

    @Test
    @Order(4)
    void badConfigFailsOnceAndDoesNotLoop() throws Exception {
        ServiceChecks.breakConfig(m);
        // Type=simple: the start job succeeds at fork; the exit status tells
        m.sh("systemctl restart podwatch");
        await().atMost(Duration.ofSeconds(30)).until(() -> m.sh("systemctl show -p ActiveState --value podwatch").out().equals("failed"));
        // two restart delays: a loop would have started it again by now
        Thread.sleep(11_000);
        assertThat(m.ok("systemctl show -p ActiveState -p NRestarts -p ExecMainStatus podwatch"))
                .contains("ActiveState=failed", "NRestarts=0", "ExecMainStatus=3");
        assertThat(ServiceChecks.agentPid(m)).isEmpty();
        assertThat(m.ok("journalctl -u podwatch --no-pager -n 20")).contains("no-such-key");

        // exit 4: the port is taken (systemd-socket-activate holds it and never answers)
        m.ok("cp /root/good.yaml " + CONFIG + " && sed -i 's/^  listen: .*/  listen: 127.0.0.1:9884/' " + CONFIG);
        m.ok("systemd-run --unit pw-port-holder systemd-socket-activate -l 127.0.0.1:9884 sleep infinity");
        await().atMost(Duration.ofSeconds(10)).until(() -> m.sh("systemctl is-active pw-port-holder").out().equals("active"));
        m.ok("systemctl reset-failed podwatch");
        m.sh("systemctl restart podwatch");
        await().atMost(Duration.ofSeconds(30)).until(() -> m.sh("systemctl show -p ActiveState --value podwatch").out().equals("failed"));
        Thread.sleep(11_000);
        assertThat(m.ok("systemctl show -p ActiveState -p NRestarts -p ExecMainStatus podwatch"))
                .contains("ActiveState=failed", "NRestarts=0", "ExecMainStatus=4");
        m.ok("systemctl stop pw-port-holder");

        // an edit the upgrade must keep
        ServiceChecks.restoreEditedConfig(m);
        m.ok("systemctl reset-failed podwatch && systemctl start podwatch");
        lab.awaitScrape();
    }

    @Test
    @Order(5)
    void stopLeavesNoProcess() {
        long t0 = System.nanoTime();
        m.ok("systemctl stop podwatch");
        Timings.record("systemd: systemctl stop", t0);
        assertThat(ServiceChecks.processesOfAgentUser(m)).isEmpty();
        assertThat(m.ok("systemctl show -p ActiveState --value podwatch")).isEqualTo("inactive");
        m.ok("systemctl start podwatch");
        lab.awaitScrape();
    }

    @Test
    @Order(6)
    void upgradeRestartsAndKeepsTheEditedConfig() throws Exception {
        Path work = Files.createTempDirectory(lab.podman.dir(), "upgrade");
        Path next = Built.bumpedDeb(deb, work);
        m.copyIn(next, "/root/" + next.getFileName());
        String old = mainPid();
        long t0 = System.nanoTime();
        m.ok("dpkg -i --force-depends --force-confold /root/" + next.getFileName());
        Timings.record("systemd: dpkg -i of the upgrade", t0);
        assertThat(m.ok("dpkg-query -W -f '${Version}' podwatch")).isEqualTo(Built.version(deb) + Built.BUMP);
        ServiceChecks.assertEditKept(m);
        assertThat(m.sh("test -e " + CONFIG + ".dpkg-dist").code()).isNotZero();
        ServiceChecks.awaitNewPid(m, old, Duration.ofSeconds(30));
        lab.awaitScrape();
    }

    @Test
    @Order(7)
    void removeStopsAndKeepsConfigThenPurgeDeletesIt() {
        m.ok("dpkg -r podwatch");
        assertThat(ServiceChecks.processesOfAgentUser(m)).isEmpty();
        assertThat(m.sh("test -e /usr/bin/podwatch || test -e /usr/share/podwatch/podwatch.jar || test -e /lib/systemd/system/podwatch.service").code()).isNotZero();
        m.ok("test -f " + CONFIG + " && test -f /etc/audit/rules.d/podwatch.rules && test -d /var/lib/podwatch && test -d /var/log/podwatch");
        m.ok("dpkg -P podwatch");
        assertThat(m.sh("test -e /etc/podwatch || test -e /var/lib/podwatch || test -e /var/log/podwatch || test -e /etc/audit/rules.d/podwatch.rules").code()).isNotZero();
        // promised in docs/install.md: the system user stays
        m.ok("id podwatch");
    }

    private String mainPid() {
        return m.ok("systemctl show -p MainPID --value podwatch");
    }
}
