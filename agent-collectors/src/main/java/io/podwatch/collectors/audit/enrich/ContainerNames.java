package io.podwatch.collectors.audit.enrich;

import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.core.model.ContainerRef;
import java.util.Optional;

/**
 * Resolves a container id found in a process's cgroup to its name, image and pod, and the pid of
 * its first process (whose login uid is the auid of whoever started the container). Called on the
 * audit reading thread for every attributed event: implementations cache, bound their cache, and
 * return quickly (empty when the container engine is unreachable or the container is gone).
 */
public interface ContainerNames {
    Optional<Info> lookup(String containerId);

    /**
     * @param initPid the container's first process on the host, 0 when unknown or not running
     * @param engine whose container it is
     */
    record Info(ContainerRef ref, long initPid, EngineRef engine) {
        public Info(ContainerRef ref, long initPid) {
            this(ref, initPid, EngineRef.ROOTFUL_PODMAN);
        }
    }

    /** For hosts without Podman access and offline parsing: ids only. */
    static ContainerNames none() {
        return id -> Optional.empty();
    }
}
