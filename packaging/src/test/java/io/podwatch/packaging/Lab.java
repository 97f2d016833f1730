package io.podwatch.packaging;

import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Path;
import java.util.List;

/**
 * One service IT's world: the harness's private Podman (the "host's" Podman, with its API service
 * and one probe container the agent must report) and the machine the service runs in.
 */
final class Lab implements AutoCloseable {
    final PodmanHarness podman;
    final String probe;
    final Machine machine;

    private Lab(PodmanHarness podman, String probe, Machine machine) {
        this.podman = podman;
        this.probe = probe;
        this.machine = machine;
    }

    /** Starts the harness, its API service and the probe, then the machine from {@code rootfs}. */
    static Lab start(Path rootfs, List<String> runArgs, List<String> init) throws Exception {
        PodmanHarness podman = PodmanHarness.create();
        try {
            podman.startService();
            String probe = "pwsvc-probe-" + Long.toHexString(System.nanoTime());
            podman.runDetached(List.of("--name", probe), "sleep 100000");
            return new Lab(podman, probe, Machine.start(podman, rootfs, Built.TARGET, runArgs, init));
        } catch (Exception | AssertionError e) {
            podman.close();
            throw e;
        }
    }

    /** Scrapes until the probe and the host series show (see {@link ServiceChecks#awaitScrape}). */
    String awaitScrape() {
        return ServiceChecks.awaitScrape(machine, probe, java.time.Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        machine.close();
        podman.close();
    }
}
