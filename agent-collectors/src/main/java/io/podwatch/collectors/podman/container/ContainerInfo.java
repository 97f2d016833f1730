package io.podwatch.collectors.podman.container;

import io.podwatch.core.model.ContainerRef;
import java.time.Instant;

/**
 * What podwatch knows about one container from list/inspect: identity and metadata for labels and
 * events, the fields the poll fallback compares, and what the cgroup source needs to find the
 * container's cgroup. Immutable; a refresh makes a new one.
 *
 * @param state Podman's status word: created, running, exited, paused, ...
 * @param pid the init process's host pid, 0 when not running
 * @param startedAt when the current (or last) run started, null when never started
 * @param restartCount Podman's RestartCount, -1 until inspected
 * @param restartMax the on-failure retry limit (0 = unbounded)
 * @param cgroupPath inspect's {@code State.CgroupPath}, empty when not known
 * @param memoryLimit the configured memory limit in bytes, 0 = none
 * @param cpuQuota CFS quota in microseconds, 0 = none
 * @param cpuPeriod CFS period in microseconds, 0 = default
 * @param inspected whether the inspect-only fields (restart*, cgroup, limits) are filled in
 */
public record ContainerInfo(String id, String name, String image, String pod, String state, long pid, int exitCode,
                            Instant startedAt, int restartCount, String restartPolicy, int restartMax,
                            String cgroupPath, long memoryLimit, long cpuQuota, long cpuPeriod, boolean inspected) {
    public ContainerInfo {
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        pod = pod == null ? "" : pod;
        state = state == null ? "" : state;
        restartPolicy = restartPolicy == null ? "" : restartPolicy;
        cgroupPath = cgroupPath == null ? "" : cgroupPath;
    }

    public ContainerRef ref() {
        return new ContainerRef(id, name, image, pod);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** This list entry's fresh fields, with what only inspect knows taken from {@code detail}. */
    public ContainerInfo withDetailFrom(ContainerInfo detail) {
        if (detail == null || !detail.inspected) {
            return this;
        }
        int restarts = restartCount >= 0 ? restartCount : detail.restartCount;
        return new ContainerInfo(id, name, image, pod.isEmpty() ? detail.pod : pod, state, pid, exitCode,
                startedAt, restarts, detail.restartPolicy, detail.restartMax, detail.cgroupPath, detail.memoryLimit,
                detail.cpuQuota, detail.cpuPeriod, true);
    }

    public ContainerInfo withExitCode(int code) {
        return new ContainerInfo(id, name, image, pod, state, pid, code, startedAt, restartCount, restartPolicy,
                restartMax, cgroupPath, memoryLimit, cpuQuota, cpuPeriod, inspected);
    }

    /** Inspect does not name the pod (only its id); keep the name the list gave. */
    public ContainerInfo withPodName(String podName) {
        return podName == null || podName.isEmpty() ? this : new ContainerInfo(id, name, image, podName, state, pid,
                exitCode, startedAt, restartCount, restartPolicy, restartMax, cgroupPath, memoryLimit, cpuQuota,
                cpuPeriod, inspected);
    }
}
