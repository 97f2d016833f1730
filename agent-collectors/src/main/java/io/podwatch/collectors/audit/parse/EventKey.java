package io.podwatch.collectors.audit.parse;

/**
 * Identity of one audit event: every record of the event carries the same
 * {@code msg=audit(SECONDS.MILLIS:SERIAL)} (and the same {@code node=} on aggregated logs).
 *
 * @param node the {@code node=} prefix or null
 * @param serial 0..4294967295, wraps to 0
 */
public record EventKey(String node, long seconds, int millis, long serial) {
    /** Epoch milliseconds of the event. */
    public long epochMillis() {
        return seconds * 1000 + millis;
    }

    /** As written in the log and in checkpoints: {@code node/1700000000.123:42}. */
    public String format() {
        String t = seconds + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + millis + ":" + serial;
        return node == null ? t : node + "/" + t;
    }
}
