package io.podwatch.collectors.posture;

import io.podwatch.core.model.ContainerRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the container checks need from one container's inspect data, read once and tolerant of
 * the Podman 4.x and 5.x shapes (see {@link InspectParser}). Namespace modes are lower-case, as
 * in {@code host}, {@code private}, {@code container:<id>}.
 *
 * @param pid the container's init process on the host, 0 when not running
 * @param cpuLimited any of --cpus, --cpu-quota, -c/--cpu-shares, --cpuset-cpus set
 * @param pidsLimit 0 or less when unlimited
 * @param createCommand the podman command line that created it, empty when created through the API
 */
public record ContainerFacts(ContainerRef ref, String status, long pid, String user, boolean privileged,
                             List<String> capAdd, Namespaces namespaces, List<Mount> mounts, List<String> devices,
                             List<PortBinding> ports, long memoryLimit, boolean cpuLimited, long pidsLimit,
                             String restartPolicy, long restartMax, boolean readOnlyRootfs, List<String> securityOpt,
                             String appArmorProfile, Map<String, String> labels, String imageName,
                             List<String> createCommand, Instant created, Instant finishedAt) {
    /** Namespace modes as inspect reports them. */
    public record Namespaces(String network, String pid, String ipc, String uts, String user) {
    }

    /** A user-specified bind mount or named volume. */
    public record Mount(String type, String source, String destination, boolean rw) {
    }

    /** A published port; {@code hostIp} empty when bound to every interface. */
    public record PortBinding(String containerPort, String hostIp, int hostPort) {
    }

    public ContainerFacts {
        capAdd = List.copyOf(capAdd);
        mounts = List.copyOf(mounts);
        devices = List.copyOf(devices);
        ports = List.copyOf(ports);
        securityOpt = List.copyOf(securityOpt);
        labels = Map.copyOf(labels);
        createCommand = List.copyOf(createCommand);
    }

    public boolean running() {
        return pid > 0 && ("running".equals(status) || "paused".equals(status));
    }
}
