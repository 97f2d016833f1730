package io.podwatch.collectors.posture.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.posture.ContainerChecks;
import io.podwatch.collectors.posture.ContainerContext;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.collectors.posture.ContainerProcesses;
import io.podwatch.collectors.posture.HostFiles;
import io.podwatch.collectors.podman.container.InspectJson;
import io.podwatch.core.posture.Allowlist;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * What one container's posture check costs: parsing inspect JSON plus every container check, and
 * the /proc walk the SSH check does for a running container. Run from agent-collectors:
 * {@code mvn -q -o test-compile && java -cp "target/test-classes:target/classes:$(cat cp.txt)"
 * io.podwatch.collectors.posture.bench.PostureBench} (cp.txt from {@code mvn dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}).
 */
public final class PostureBench {
    private PostureBench() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode doc;
        try (InputStream in = PostureBench.class.getResourceAsStream("/fixtures/posture/inspect-4.3/etcrw.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        ContainerContext ctx = new ContainerContext(false, Set.of(), Map.of(), null);
        int n = 200_000;
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ContainerInfo f = InspectJson.fromInspect(doc, "podman", "root");
                sink += ContainerChecks.evaluate(f, ctx, Allowlist.none()).size();
            }
            double us = (System.nanoTime() - t0) / 1e3 / n;
            System.out.printf("parse + 29 container checks: %.2f us per container (round %d)%n", us, round);
        }
        HostFiles host = HostFiles.real();
        ContainerProcesses procs = new ContainerProcesses(host);
        int pids = host.pids().size();
        int m = 50;
        long t0 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            sink += procs.fresh().commands(1).size();
        }
        System.out.printf("/proc process table, read once per scan (%d processes on this host): %.2f ms%n", pids,
                (System.nanoTime() - t0) / 1e6 / m);
        t0 = System.nanoTime();
        for (int i = 0; i < m * 100; i++) {
            sink += procs.commands(1).size();
        }
        System.out.printf("each further running container in the same scan: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / (m * 100));
        System.out.println("(checksum " + sink + ")");
    }
}
