package io.podwatch.collectors.audit.parse;

import java.util.List;

/**
 * The records of one audit event, in arrival order (which is not always SYSCALL first).
 *
 * @param firstPosition the reader's position of the earliest record (for checkpoints); -1 offline
 * @param complete false when the event was closed by timeout or by the in-flight cap rather than
 *     by its closing record, i.e. records may still be missing
 */
public record AuditEvent(EventKey key, List<AuditRecord> records, long firstPosition, boolean complete) {
    public AuditEvent {
        records = List.copyOf(records);
    }

    /** The first record of {@code type}, or null. */
    public AuditRecord first(String type) {
        for (AuditRecord r : records) {
            if (r.type().equals(type)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The record that says what happened: SYSCALL when there is one, else the first record that is
     * not an auxiliary one (PROCTITLE, CWD, PATH...), else the first record.
     */
    public AuditRecord primary() {
        AuditRecord s = first("SYSCALL");
        if (s != null) {
            return s;
        }
        for (AuditRecord r : records) {
            if (!RecordTypes.isAuxiliary(r.type())) {
                return r;
            }
        }
        return records.get(0);
    }
}
