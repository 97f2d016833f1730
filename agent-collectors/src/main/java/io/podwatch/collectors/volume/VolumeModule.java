package io.podwatch.collectors.volume;

import io.podwatch.collectors.posture.ProcessCommandRunner;
import io.podwatch.collectors.volume.audit.VolumeAuditRules;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.ContainerInventory;
import io.podwatch.core.volume.VolumeDirectory;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the volume watcher from its settings without I/O: the one place that knows its parts
 * (scope from the container inventory, audit rules through auditctl), so registering it elsewhere is one line.
 */
public final class VolumeModule {
    private VolumeModule() {
    }

    /**
     * @param auditTrail whether the audit trail runs (the per-volume audit rules are only worth adding then)
     */
    public static VolumeWatcher watcher(VolumeSettings s, ContainerInventory inventory, VolumeDirectory directory,
                                        boolean auditTrail, Emitter out, Clock clock) {
        VolumeAuditRules audit = auditTrail && s.audit() ? new VolumeAuditRules(new ProcessCommandRunner(), "auditctl")
                : null;
        return new VolumeWatcher(s, new InventoryMountScope(inventory), directory, audit, out, clock);
    }

    /** Reconcile on the configured interval; a slow inventory call is cut off by the next. */
    public static CollectorRunner.Schedule schedule(VolumeSettings s) {
        Duration timeout = s.reconcileInterval().compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                : s.reconcileInterval();
        return new CollectorRunner.Schedule(s.reconcileInterval(), timeout);
    }
}
