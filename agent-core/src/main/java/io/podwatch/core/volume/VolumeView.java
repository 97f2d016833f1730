package io.podwatch.core.volume;

import io.podwatch.core.model.ContainerRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One watched mount source as the detectors see it: a named volume or a bind-mounted host
 * directory, deduplicated by (device, inode), with every container mount that uses it.
 *
 * @param id short stable id; the audit rule key is {@code podwatch-vol:<id>}
 * @param name the volume name, or the host path for a bind mount
 * @param source the host directory
 * @param mounts the containers using it, with their mount destination and access
 */
public record VolumeView(String id, String name, String source, List<MountUse> mounts) {
    public VolumeView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        name = name == null ? source : name;
        mounts = List.copyOf(mounts);
    }

    /** A container's mount of the source. */
    public record MountUse(ContainerRef container, String destination, boolean rw) {
        public MountUse {
            Objects.requireNonNull(container, "container");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** True when no container may write to it: any change at all is a violation. */
    public boolean readOnlyEverywhere() {
        return !mounts.isEmpty() && mounts.stream().noneMatch(MountUse::rw);
    }

    /** The only container that can write to it, when exactly one can: inotify cannot say who wrote. */
    public Optional<ContainerRef> soleWriter() {
        List<MountUse> rw = mounts.stream().filter(MountUse::rw).toList();
        return rw.size() == 1 ? Optional.of(rw.get(0).container()) : Optional.empty();
    }

    /** The names of the containers that mount it writable (all of them if none does). */
    public List<String> containerNames() {
        List<MountUse> rw = mounts.stream().filter(MountUse::rw).toList();
        return (rw.isEmpty() ? mounts : rw).stream().map(m -> m.container().display()).distinct().toList();
    }

    /**
     * Maps a path as a container saw it (audit PATH records are in the container's mount namespace)
     * to the host path, using that container's mount destination; empty when it is not below one.
     */
    public Optional<String> hostPath(String containerId, String containerPath) {
        for (MountUse m : mounts) {
            if (containerId != null && !containerId.isEmpty() && !m.container().id().equals(containerId)) {
                continue;
            }
            String rel = below(containerPath, m.destination());
            if (rel != null) {
                return Optional.of(rel.isEmpty() ? source : join(source, rel));
            }
        }
        String rel = below(containerPath, source); // a process on the host used the host path
        return rel == null ? Optional.empty() : Optional.of(rel.isEmpty() ? source : join(source, rel));
    }

    /** The mount a container path falls under for that container, if any. */
    public Optional<MountUse> mountOf(String containerId, String containerPath) {
        return mounts.stream().filter(m -> m.container().id().equals(containerId))
                .filter(m -> below(containerPath, m.destination()) != null).findFirst();
    }

    /**
     * The container a path as seen inside a container must come from when exactly one container
     * mounts this source at a destination above it (a short-lived process is often gone before its
     * audit record is read, so its cgroup cannot tell).
     */
    public Optional<ContainerRef> containerByPath(String containerPath) {
        List<ContainerRef> c = mounts.stream().filter(m -> below(containerPath, m.destination()) != null)
                .map(MountUse::container).distinct().toList();
        return c.size() == 1 ? Optional.of(c.get(0)) : Optional.empty();
    }

    private static String join(String dir, String rel) {
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }

    /** The part of {@code path} below {@code dir} ("" for dir itself), or null when not below it. */
    static String below(String path, String dir) {
        if (path == null) {
            return null;
        }
        String d = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
        if (path.equals(d)) {
            return "";
        }
        if (d.equals("/")) {
            return path.startsWith("/") ? path.substring(1) : null;
        }
        return path.startsWith(d + "/") ? path.substring(d.length() + 1) : null;
    }
}
