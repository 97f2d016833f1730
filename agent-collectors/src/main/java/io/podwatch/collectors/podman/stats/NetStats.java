package io.podwatch.collectors.podman.stats;

/**
 * One network interface's counters inside a container. Fields the source does not provide are
 * {@code NaN} (Podman 4's API only has rx/tx bytes summed over interfaces).
 */
public record NetStats(String iface, double rxBytes, double rxPackets, double rxErrors, double rxDropped,
                       double txBytes, double txPackets, double txErrors, double txDropped) {
    public static NetStats bytesOnly(String iface, double rx, double tx) {
        return new NetStats(iface, rx, Double.NaN, Double.NaN, Double.NaN, tx, Double.NaN, Double.NaN, Double.NaN);
    }
}
