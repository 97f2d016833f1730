package io.podwatch.collectors.audit.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses one audit.log line at byte level: optional {@code node=} prefix, {@code type=},
 * {@code msg=audit(SECONDS.MILLIS:SERIAL):}, then {@code key=value} fields up to the 0x1d byte that
 * starts the enriched tail. User-space records nest their fields in {@code msg='...'}; those are
 * flattened. Tokens without {@code =} (AVC's "avc: denied { read }") are skipped.
 *
 * <p>Not thread-safe (it caches the type and node strings it last saw); one per reading thread.
 */
public final class RecordParser {
    static final byte GS = 0x1d;
    private static final byte[] TYPE = "type=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NODE = "node=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MSG = "msg=audit(".getBytes(StandardCharsets.US_ASCII);

    private final String[] typeCache = new String[64];
    private String lastNode;
    private int[] spans = new int[64 * 4];

    /** Thrown for a line that is not an audit record; the message says what is wrong. */
    public static final class BadRecord extends Exception {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code len} bytes at {@code off} (trailing CR/LF allowed). */
    public AuditRecord parse(byte[] buf, int off, int len) throws BadRecord {
        int end = off + len;
        while (end > off && (buf[end - 1] == '\n' || buf[end - 1] == '\r')) {
            end--;
        }
        byte[] line = Arrays.copyOfRange(buf, off, end);
        return parse(line);
    }

    AuditRecord parse(byte[] line) throws BadRecord {
        int n = line.length;
        int p = 0;
        String node = null;
        if (startsWith(line, 0, NODE)) {
            int s = NODE.length;
            p = indexOf(line, s, (byte) ' ');
            if (p < 0) {
                throw new BadRecord("node= prefix without a record after it");
            }
            node = node(line, s, p);
            p++;
        }
        if (!startsWith(line, p, TYPE)) {
            throw new BadRecord("no type= at the start of the record");
        }
        int ts = p + TYPE.length;
        int te = indexOf(line, ts, (byte) ' ');
        if (te <= ts) {
            throw new BadRecord("type= without msg=audit(...)");
        }
        String type = type(line, ts, te);
        p = te + 1;
        if (!startsWith(line, p, MSG)) {
            throw new BadRecord("no msg=audit(TIME:SERIAL) after type=" + type);
        }
        p += MSG.length;
        long seconds = 0;
        int q = p;
        while (q < n && line[q] >= '0' && line[q] <= '9' && q - p < 12) {
            seconds = seconds * 10 + (line[q++] - '0');
        }
        if (q == p || q + 1 >= n || line[q] != '.') {
            throw new BadRecord("bad time in msg=audit(...)");
        }
        int ms = 0;
        int ms0 = ++q;
        while (q < n && line[q] >= '0' && line[q] <= '9' && q - ms0 < 3) {
            ms = ms * 10 + (line[q++] - '0');
        }
        if (q == ms0 || q >= n || line[q] != ':') {
            throw new BadRecord("bad milliseconds in msg=audit(...)");
        }
        long serial = 0;
        int s0 = ++q;
        while (q < n && line[q] >= '0' && line[q] <= '9' && q - s0 < 10) {
            serial = serial * 10 + (line[q++] - '0');
        }
        if (q == s0 || q >= n || line[q] != ')' || serial > 0xFFFF_FFFFL) {
            throw new BadRecord("bad serial in msg=audit(...)");
        }
        p = q + 1;
        if (p < n && line[p] == ':') {
            p++;
        }
        int enriched = indexOf(line, p, GS);
        int fieldsEnd = enriched < 0 ? n : enriched;
        int count = fields(line, p, fieldsEnd);
        int[] copy = Arrays.copyOf(spans, count * 4);
        return new AuditRecord(line, type, node, new EventKey(node, seconds, ms, serial), copy, count,
                enriched < 0 ? -1 : enriched + 1);
    }

    private int fields(byte[] b, int p, int end) {
        int count = 0;
        boolean inMsg = false;
        while (p < end) {
            byte c = b[p];
            if (c == ' ' || (inMsg && c == '\'')) {
                p++;
                continue;
            }
            int ks = p;
            while (p < end && b[p] != '=' && b[p] != ' ') {
                p++;
            }
            if (p >= end || b[p] != '=') {
                continue; // a token without '=': skip it
            }
            int ke = p++;
            if (p < end && b[p] == '\'' && !inMsg) {
                inMsg = true; // msg='op=... res=success': flatten the nested fields
                p++;
                continue;
            }
            int vs = p;
            if (p < end && b[p] == '"') {
                int close = indexOf(b, p + 1, (byte) '"');
                p = close < 0 || close >= end ? end : close + 1;
            } else {
                while (p < end && b[p] != ' ' && !(inMsg && b[p] == '\'')) {
                    p++;
                }
            }
            if (ke > ks) {
                if (count * 4 == spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                int i = count++ * 4;
                spans[i] = ks;
                spans[i + 1] = ke;
                spans[i + 2] = vs;
                spans[i + 3] = p;
            }
        }
        return count;
    }

    private String type(byte[] b, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        int slot = h & (typeCache.length - 1);
        String cached = typeCache[slot];
        if (cached != null && equalsAscii(cached, b, s, e)) {
            return cached;
        }
        String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        typeCache[slot] = t;
        return t;
    }

    private String node(byte[] b, int s, int e) {
        if (lastNode != null && equalsAscii(lastNode, b, s, e)) {
            return lastNode;
        }
        lastNode = new String(b, s, e - s, StandardCharsets.UTF_8);
        return lastNode;
    }

    private static boolean equalsAscii(String str, byte[] b, int s, int e) {
        if (str.length() != e - s) {
            return false;
        }
        for (int i = 0; i < e - s; i++) {
            if (str.charAt(i) != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int p, byte[] prefix) {
        if (b.length - p < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[p + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, int from, byte c) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
