package io.podwatch.core.inventory;

import io.podwatch.core.model.ContainerRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything podwatch knows about one container from its engine's list and inspect calls, parsed
 * once by the engine's feed and shared by stats, posture, audit attribution and the volume
 * watcher. Immutable: a refresh makes a new one, and the inventory tells listeners the old and new.
 * Strings are never null ("" when unknown); times are null when unknown or "never".
 *
 * @param image the image name as the user gave it
 * @param imageId the image's id, "" when unknown
 * @param pod the pod's name (Podman), "" when not in a pod
 * @param state the engine's status word, lower-case: created, running, exited, paused, ...
 * @param pid the init process's host pid, 0 when not running
 * @param conmonPid Podman's conmon monitor pid, 0 when unknown or not Podman
 * @param restartCount the engine's restart count, -1 until inspected
 * @param restartMax the on-failure retry limit (0 = unbounded)
 * @param cgroupPath inspect's {@code State.CgroupPath}, "" when not known
 * @param infra a pod's infra container, which the engine creates itself
 * @param inspected whether the inspect-only fields (restart policy, cgroup, labels, mounts, limits,
 *     security) are filled in; a bare list entry has them empty
 */
public record ContainerInfo(ContainerKey key, String name, String image, String imageId, String pod, String state,
                            Instant created, Instant startedAt, Instant finishedAt, int exitCode, long pid,
                            long conmonPid, int restartCount, String restartPolicy, int restartMax, String cgroupPath,
                            Map<String, String> labels, List<Mount> mounts, Limits limits, Security security,
                            boolean infra, boolean inspected) {
    public ContainerInfo {
        Objects.requireNonNull(key, "key");
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        imageId = imageId == null ? "" : imageId;
        pod = pod == null ? "" : pod;
        state = state == null ? "" : state;
        restartPolicy = restartPolicy == null ? "" : restartPolicy;
        cgroupPath = cgroupPath == null ? "" : cgroupPath;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        limits = limits == null ? Limits.NONE : limits;
        security = security == null ? Security.UNKNOWN : security;
    }

    /** A container known only by list fields (what a list entry or a test gives). */
    public static ContainerInfo listed(ContainerKey key, String name, String image, String pod, String state, long pid,
                                       int exitCode, Instant startedAt, int restartCount) {
        return new ContainerInfo(key, name, image, "", pod, state, null, startedAt, null, exitCode, pid, 0,
                restartCount, "", 0, "", Map.of(), List.of(), Limits.NONE, Security.UNKNOWN, false, false);
    }

    /** The engine's full id. */
    public String id() {
        return key.id();
    }

    public String engine() {
        return key.engine();
    }

    public String owner() {
        return key.owner();
    }

    public ContainerRef ref() {
        return new ContainerRef(key.id(), name, image, pod);
    }

    /** Name when known, else short id: what an operator recognises. */
    public String display() {
        return name.isEmpty() ? key.shortId() : name;
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** Has processes on the host (running or paused). */
    public boolean alive() {
        return pid > 0 && ("running".equals(state) || "paused".equals(state));
    }

    /** This list entry's fresh fields, with what only inspect knows taken from {@code detail}. */
    public ContainerInfo withDetailFrom(ContainerInfo detail) {
        if (detail == null || !detail.inspected) {
            return this;
        }
        int restarts = restartCount >= 0 ? restartCount : detail.restartCount;
        // lists give whole seconds, inspect nanoseconds: keep the finer time of the same start
        Instant started = startedAt != null && detail.startedAt != null
                && startedAt.getEpochSecond() == detail.startedAt.getEpochSecond() ? detail.startedAt : startedAt;
        return new ContainerInfo(key, name, image, imageId.isEmpty() ? detail.imageId : imageId,
                pod.isEmpty() ? detail.pod : pod, state, detail.created != null ? detail.created : created, started,
                finishedAt != null ? finishedAt : detail.finishedAt, exitCode, pid,
                detail.conmonPid, restarts, detail.restartPolicy, detail.restartMax, detail.cgroupPath, detail.labels,
                detail.mounts, detail.limits, detail.security, detail.infra, true);
    }

    /** The same container with another last exit code (the engine's died event knows it better). */
    public ContainerInfo withExitCode(int code) {
        return code == exitCode ? this : new ContainerInfo(key, name, image, imageId, pod, state, created, startedAt,
                finishedAt, code, pid, conmonPid, restartCount, restartPolicy, restartMax, cgroupPath, labels, mounts,
                limits, security, infra, inspected);
    }

    /** Inspect does not name the pod (only its id); keep the name the list gave. */
    public ContainerInfo withPodName(String podName) {
        return podName == null || podName.isEmpty() || podName.equals(pod) ? this : new ContainerInfo(key, name, image,
                imageId, podName, state, created, startedAt, finishedAt, exitCode, pid, conmonPid, restartCount,
                restartPolicy, restartMax, cgroupPath, labels, mounts, limits, security, infra, inspected);
    }
}
