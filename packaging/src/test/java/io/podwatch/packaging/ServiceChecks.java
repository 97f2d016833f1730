package io.podwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/** What both service ITs assert about the running agent, whichever manager started it. */
final class ServiceChecks {
    /** The capabilities the unit and the OpenRC script grant: CAP_DAC_READ_SEARCH (2) and CAP_AUDIT_CONTROL (30). */
    static final long CAPS = (1L << 2) | (1L << 30);
    static final String CONFIG = "/etc/podwatch/podwatch.yaml";

    private ServiceChecks() {
    }

    /** The agent JVM's pid, or "" when none runs. */
    static String agentPid(Machine m) {
        return m.sh("pgrep -u podwatch -f 'java .*podwatch.jar' || true").out().trim();
    }

    /** Every process of the user podwatch, one per line ("" when none). */
    static String processesOfAgentUser(Machine m) {
        return m.sh("ps -u podwatch -o pid=,args= 2>/dev/null || true").out().trim();
    }

    static String awaitNewPid(Machine m, String old, Duration within) {
        AtomicReference<String> pid = new AtomicReference<>("");
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            pid.set(agentPid(m));
            return !pid.get().isEmpty() && !pid.get().equals(old) && !pid.get().contains("\n");
        });
        return pid.get();
    }

    /**
     * Gives the machine's podwatch group the harness's API socket, as the podman.socket drop-in
     * (SocketGroup=podwatch, 0660) does on a real host. The machine shares the host's ids (no user namespace).
     */
    static void shareSocket(PodmanHarness podman, Machine m) throws Exception {
        int gid = Integer.parseInt(m.ok("getent group podwatch | cut -d: -f3"));
        Files.setAttribute(podman.socketPath(), "unix:gid", gid);
        Files.setPosixFilePermissions(podman.socketPath(), PosixFilePermissions.fromString("rw-rw----"));
    }

    /**
     * Scrapes /metrics from inside the machine until it shows the probe container of the host's
     * Podman and the host's own series; returns the body.
     */
    static String awaitScrape(Machine m, String probe, Duration within) {
        AtomicReference<String> body = new AtomicReference<>("");
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
                body.set(m.sh("curl -sf --max-time 5 http://127.0.0.1:9883/metrics").out());
                return hasProbe(body.get(), probe) && body.get().contains("\nnode_memory_MemTotal_bytes ");
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no /metrics with container " + probe + " and host series within " + within
                    + "; last body starts: " + body.get().substring(0, Math.min(2000, body.get().length()))
                    + "\nagent log: " + m.sh("journalctl -u podwatch --no-pager -n 30 2>/dev/null; tail -30 /var/log/podwatch/podwatch.log 2>/dev/null").out(), e);
        }
        return body.get();
    }

    private static boolean hasProbe(String body, String probe) {
        return Arrays.stream(body.split("\n"))
                .anyMatch(l -> l.startsWith("container_memory_usage_bytes{") && l.contains("name=\"" + probe + "\""));
    }

    /** The JVM runs as podwatch with exactly the two ambient capabilities and no_new_privs. */
    static void assertConfined(Machine m, String pid) {
        String status = m.ok("cat /proc/" + pid + "/status");
        assertThat(field(status, "Uid:").split("\\s+")[0]).isEqualTo(m.ok("id -u podwatch"));
        assertThat(Long.parseLong(field(status, "CapEff:"), 16)).as("CapEff").isEqualTo(CAPS);
        assertThat(Long.parseLong(field(status, "CapAmb:"), 16)).as("CapAmb").isEqualTo(CAPS);
        assertThat(field(status, "NoNewPrivs:")).isEqualTo("1");
    }

    /** Config readable by the agent's group only; state and logs the agent's own. */
    static void assertInstalledModes(Machine m) {
        assertThat(m.ok("stat -c '%U:%G %a' " + CONFIG + " /var/lib/podwatch /var/log/podwatch"))
                .isEqualTo("root:podwatch 640\npodwatch:podwatch 750\npodwatch:podwatch 750");
    }

    /** Saves the good config as /root/good.yaml and appends a key that does not exist. */
    static void breakConfig(Machine m) {
        m.ok("cp " + CONFIG + " /root/good.yaml && printf 'no-such-key: 1\\n' >> " + CONFIG);
    }

    /** Restores the good config with an operator's edit (log-level debug) an upgrade must keep. */
    static void restoreEditedConfig(Machine m) {
        m.ok("cp /root/good.yaml " + CONFIG + " && sed -i 's/^log-level: info/log-level: debug/' " + CONFIG);
    }

    static void assertEditKept(Machine m) {
        assertThat(m.ok("grep -c '^log-level: debug' " + CONFIG)).isEqualTo("1");
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow()
                .substring(name.length()).trim();
    }
}
