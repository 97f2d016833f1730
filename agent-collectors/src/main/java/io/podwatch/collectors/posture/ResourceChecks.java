package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
import static io.podwatch.core.model.Severity.LOW;
import static io.podwatch.core.model.Severity.MEDIUM;
import static io.podwatch.core.posture.Scope.CONTAINER;
import static io.podwatch.core.posture.Seed.ALPAQUITA;
import static io.podwatch.core.posture.Seed.ORACLE;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Limits a container runs under (memory, CPU, PIDs, restarts) and the ports it publishes. */
final class ResourceChecks {
    private static final Set<String> ALL_INTERFACES = Set.of("", "0.0.0.0", "::", "[::]");

    static final Check NO_MEMORY_LIMIT = new Check("PW-C-NO-MEMORY-LIMIT", "No memory limit", MEDIUM, CONTAINER,
            "HostConfig.Memory", ORACLE, "Consider limiting container memory and CPU usage using the -m and "
            + "--memory-swap options for memory and swap memory; and the -c option for CPU.",
            "Add -m 512m (and --memory-swap equal to it to forbid swap).");
    static final Check NO_CPU_LIMIT = new Check("PW-C-NO-CPU-LIMIT", "No CPU limit", LOW, CONTAINER,
            "HostConfig.NanoCpus, CpuQuota, CpuShares, CpusetCpus: none set", ALPAQUITA,
            "Use the -m option to limit memory and the -c option to limit CPU.",
            "Add --cpus 1.5 (a hard cap; -c/--cpu-shares only weighs against other containers).");
    static final Check NO_PIDS_LIMIT = new Check("PW-C-NO-PIDS-LIMIT", "No PIDs limit", MEDIUM, CONTAINER,
            "HostConfig.PidsLimit (0 or -1 is unlimited; Podman's default is 2048)", ORACLE,
            "When creating and running containers, limit kernel resources by using the --ulimit option or set "
            + "container defaults using the --default-ulimit when starting the Podman service.",
            "Add --pids-limit 256 (or pids_limit in containers.conf).");
    static final Check RESTART_UNBOUNDED = new Check("PW-C-RESTART-UNBOUNDED", "Unbounded restart policy", MEDIUM,
            CONTAINER, "HostConfig.RestartPolicy: always, unless-stopped, or on-failure without a maximum", ORACLE,
            "To prevent potential denial-of-service resulting from a container that spins out of control, limit "
            + "container restarts using the --restart=on-failure:N option when creating or running a container.",
            "Use --restart on-failure:3.");
    static final Check PORT_ALL_INTERFACES = new Check("PW-C-PORT-ALL-INTERFACES", "Port published on all interfaces",
            MEDIUM, CONTAINER, "HostConfig.PortBindings (or NetworkSettings.Ports): HostIp empty, 0.0.0.0 or ::",
            ORACLE, "Podman publishes to all interfaces (0.0.0.0) by default if an IP address isn't specified when "
            + "using the -p or --publish option.",
            "Name the interface's address: -p 127.0.0.1:8080:80 (or the one LAN address that must reach it).");
    static final Check PORT_PRIVILEGED = new Check("PW-C-PORT-PRIVILEGED", "Privileged host port (< 1024) published",
            LOW, CONTAINER, "HostConfig.PortBindings: HostPort below 1024", ORACLE,
            "Don't map privileged ports (< 1024) inside containers.",
            "Publish on a port of 1024 or above (-p 127.0.0.1:8443:443) and put a proxy in front if 443 is needed.");

    private ResourceChecks() {
    }

    static List<ContainerRule> rules() {
        return List.of(
                new ContainerRule(NO_MEMORY_LIMIT, (f, c) -> Outcome.failIf(f.limits().memory() <= 0, "no -m/--memory")),
                new ContainerRule(NO_CPU_LIMIT, (f, c) -> Outcome.failIf(!f.limits().cpuLimited(), "no --cpus, --cpu-quota, -c or --cpuset-cpus")),
                new ContainerRule(NO_PIDS_LIMIT, (f, c) -> Outcome.failIf(f.limits().pids() <= 0, "pids limit " + f.limits().pids() + " (unlimited)")),
                new ContainerRule(RESTART_UNBOUNDED, ResourceChecks::restart),
                new ContainerRule(PORT_ALL_INTERFACES, ResourceChecks::allInterfaces),
                new ContainerRule(PORT_PRIVILEGED, ResourceChecks::privilegedPorts));
    }

    static Outcome restart(ContainerInfo f, ContainerContext ctx) {
        return switch (f.restartPolicy()) {
            case "always", "unless-stopped" -> Outcome.fail("--restart " + f.restartPolicy());
            case "on-failure" -> Outcome.failIf(f.restartMax() <= 0, "--restart on-failure without a maximum");
            default -> Outcome.pass();
        };
    }

    static Outcome allInterfaces(ContainerInfo f, ContainerContext ctx) {
        String hits = f.security().ports().stream().filter(p -> ALL_INTERFACES.contains(p.hostIp()))
                .map(p -> (p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp()) + ":" + p.hostPort() + "->" + p.containerPort())
                .collect(Collectors.joining(", "));
        return Outcome.failIf(!hits.isEmpty(), "published: " + hits);
    }

    static Outcome privilegedPorts(ContainerInfo f, ContainerContext ctx) {
        String hits = f.security().ports().stream().filter(p -> p.hostPort() > 0 && p.hostPort() < 1024)
                .map(p -> p.hostPort() + "->" + p.containerPort()).collect(Collectors.joining(", "));
        return Outcome.failIf(!hits.isEmpty(), "host ports: " + hits);
    }
}
