package io.podwatch.collectors.volume;

import io.podwatch.core.model.ContainerRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The running containers and their mounts: what the volume watcher must watch. Implemented over
 * the container inventory (or the Podman API); called from the collector thread, with a timeout.
 */
public interface MountScope {
    List<ContainerMounts> running() throws IOException, InterruptedException;

    /** One running container and its mounts as the engine reported them. */
    record ContainerMounts(ContainerRef container, List<Mount> mounts) {
        public ContainerMounts {
            mounts = List.copyOf(mounts);
        }
    }

    /**
     * @param type {@code volume}, {@code bind}, {@code tmpfs}...
     * @param name the volume name ("" for a bind mount)
     */
    record Mount(String type, String name, Path source, String destination, boolean rw) {
        private static final List<String> PSEUDO = List.of("/proc", "/sys", "/dev");

        /** Volumes and bind mounts of directories; never tmpfs, the kernel's pseudo file systems or / itself. */
        public boolean watchable() {
            if (!(type.equals("volume") || type.equals("bind")) || source == null || !source.isAbsolute()
                    || source.getNameCount() == 0) {
                // the host's root bind-mounted is a posture finding (PW-C-SENSITIVE-MOUNT-RW), not a volume:
                // an audit rule on / would record every write of the host
                return false;
            }
            for (String p : PSEUDO) {
                String s = source.toString();
                if (s.equals(p) || s.startsWith(p + "/") || destination.equals(p) || destination.startsWith(p + "/")) {
                    return false;
                }
            }
            return true;
        }
    }
}
