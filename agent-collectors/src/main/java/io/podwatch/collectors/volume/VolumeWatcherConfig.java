package io.podwatch.collectors.volume;

import io.podwatch.core.config.Config;
import java.time.Duration;

/** The volume watcher's configuration, read from {@link VolumeKeys}. */
public record VolumeWatcherConfig(boolean enabled, boolean inotify, boolean audit, Duration reconcileInterval,
                                  Duration fullScanInterval, double scanCpuBudget, Duration scanOnlyInterval,
                                  long ringBytes, int maxWatches, long hashMaxBytes, int hashesPerMinute,
                                  Duration dirtyRescanDelay, Duration sprawlInterval, int unusedDays) {
    public static VolumeWatcherConfig from(Config c) {
        return new VolumeWatcherConfig(c.get(VolumeKeys.ENABLED), c.get(VolumeKeys.INOTIFY), c.get(VolumeKeys.AUDIT),
                c.get(VolumeKeys.RECONCILE), c.get(VolumeKeys.FULL_SCAN), c.get(VolumeKeys.SCAN_CPU),
                c.get(VolumeKeys.SCAN_ONLY), c.get(VolumeKeys.RING), c.get(VolumeKeys.MAX_WATCHES),
                c.get(VolumeKeys.HASH_MAX), c.get(VolumeKeys.HASH_RATE), c.get(VolumeKeys.DIRTY_DELAY),
                c.get(VolumeKeys.SPRAWL_INTERVAL), c.get(VolumeKeys.UNUSED_DAYS));
    }
}
