package io.podwatch.collectors.audit.parse;

import java.nio.charset.StandardCharsets;

/**
 * One line of audit.log, kept as its bytes plus the offsets of its fields, so that parsing a
 * record allocates the copy of the line and one small index and nothing per field: values are
 * decoded only when a consumer asks for them (most fields of most records are never read).
 * Immutable after construction; safe to hand between threads.
 *
 * <p>The enriched part after the 0x1d byte (names auditd resolved at write time) is kept apart and
 * only reachable through {@link #enriched}: it can be forged through message text, so the numeric
 * fields are the truth.
 */
public final class AuditRecord {
    private final byte[] line;
    private final String type;
    private final String node;
    private final EventKey key;
    private final int[] spans; // per field: keyStart, keyEnd, valueStart, valueEnd
    private final int fieldCount;
    private final int enrichedStart;

    AuditRecord(byte[] line, String type, String node, EventKey key, int[] spans, int fieldCount, int enrichedStart) {
        this.line = line;
        this.type = type;
        this.node = node;
        this.key = key;
        this.spans = spans;
        this.fieldCount = fieldCount;
        this.enrichedStart = enrichedStart;
    }

    /** The record type as written, e.g. {@code SYSCALL}, {@code UNKNOWN[1334]}. */
    public String type() {
        return type;
    }

    /** The {@code node=} prefix, or null when absent. */
    public String node() {
        return node;
    }

    public EventKey key() {
        return key;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public String fieldName(int i) {
        return ascii(spans[i * 4], spans[i * 4 + 1]);
    }

    /** Index of the first field named {@code name}, or -1. */
    public int indexOf(String name) {
        int n = name.length();
        outer:
        for (int i = 0; i < fieldCount; i++) {
            int ks = spans[i * 4];
            if (spans[i * 4 + 1] - ks != n) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (line[ks + j] != name.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The value as written (quotes removed, hex not decoded), or null when the field is absent. */
    public String raw(String name) {
        int i = indexOf(name);
        return i < 0 ? null : raw(i);
    }

    public String raw(int i) {
        int vs = spans[i * 4 + 2];
        int ve = spans[i * 4 + 3];
        if (ve > vs && line[vs] == '"') {
            return utf8(vs + 1, ve - 1 > vs ? ve - 1 : vs + 1);
        }
        return utf8(vs, ve);
    }

    /**
     * The decoded text of an untrusted-string field (comm, exe, name, an EXECVE argument...):
     * quoted values as they are, hex values decoded, {@code (null)} as null. Null when absent.
     */
    public String text(String name) {
        int i = indexOf(name);
        return i < 0 ? null : text(i);
    }

    public String text(int i) {
        return Values.text(line, spans[i * 4 + 2], spans[i * 4 + 3]);
    }

    /** Decoded bytes of an untrusted-string field, for values that are not text (proctitle NULs). */
    public byte[] bytes(int i) {
        return Values.bytes(line, spans[i * 4 + 2], spans[i * 4 + 3]);
    }

    /** A decimal field as a number, or {@code fallback} when absent or not a number. */
    public long number(String name, long fallback) {
        int i = indexOf(name);
        return i < 0 ? fallback : Values.decimal(line, spans[i * 4 + 2], spans[i * 4 + 3], fallback);
    }

    /** A hexadecimal field (syscall arguments a0..a3, arch) as a number, or {@code fallback}. */
    public long hexNumber(String name, long fallback) {
        int i = indexOf(name);
        return i < 0 ? fallback : Values.hex(line, spans[i * 4 + 2], spans[i * 4 + 3], fallback);
    }

    /** The advisory enriched tail after 0x1d (e.g. {@code AUID="alice"}), or empty. Never the truth. */
    public String enriched() {
        return enrichedStart < 0 ? "" : utf8(enrichedStart, line.length);
    }

    /** The whole line as text, for error messages and raw logging. */
    public String line() {
        return new String(line, StandardCharsets.UTF_8);
    }

    private String ascii(int s, int e) {
        return new String(line, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private String utf8(int s, int e) {
        return new String(line, s, Math.max(0, e - s), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return line();
    }
}
