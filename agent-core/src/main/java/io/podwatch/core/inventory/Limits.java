package io.podwatch.core.inventory;

/**
 * A container's configured resource limits; 0 (or less) means unlimited / engine default.
 *
 * @param memory bytes
 * @param cpuQuota CFS quota in microseconds
 * @param cpuPeriod CFS period in microseconds
 * @param nanoCpus {@code --cpus} in billionths of a CPU
 * @param cpuShares relative weight ({@code -c})
 * @param cpusetCpus {@code --cpuset-cpus}, "" when not set
 * @param pids {@code --pids-limit}
 */
public record Limits(long memory, long cpuQuota, long cpuPeriod, long nanoCpus, long cpuShares, String cpusetCpus,
                     long pids) {
    public static final Limits NONE = new Limits(0, 0, 0, 0, 0, "", 0);

    public Limits {
        cpusetCpus = cpusetCpus == null ? "" : cpusetCpus;
    }

    /** Any of --cpus, --cpu-quota, -c/--cpu-shares, --cpuset-cpus set. */
    public boolean cpuLimited() {
        return nanoCpus > 0 || cpuQuota > 0 || cpuShares > 0 || !cpusetCpus.isEmpty();
    }
}
