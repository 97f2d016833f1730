package io.podwatch.collectors.audit.parse;

import java.util.Arrays;

/**
 * Cuts a byte stream into lines. A line without its newline yet (auditd is mid-write) is held until
 * the rest arrives; a line longer than {@code maxLine} is skipped up to its newline and counted,
 * so one corrupt stretch cannot exhaust memory. Not thread-safe.
 */
public final class LineSplitter {
    /** Receives one complete line without its newline; {@code start} is its offset in the stream. */
    @FunctionalInterface
    public interface LineSink {
        void line(byte[] buf, int off, int len, long start) throws InterruptedException;
    }

    private final int maxLine;
    private byte[] held = new byte[0];
    private int heldLen;
    private long heldStart;
    private boolean skipping;
    private long tooLong;

    public LineSplitter(int maxLine) {
        this.maxLine = maxLine;
    }

    /** Feeds {@code len} bytes that start at stream offset {@code offset}. */
    public void feed(byte[] buf, int off, int len, long offset, LineSink sink) throws InterruptedException {
        int end = off + len;
        int s = off;
        for (int i = Bytes.indexOfNewline(buf, off, end); i >= 0; i = Bytes.indexOfNewline(buf, i + 1, end)) {
            if (skipping) {
                skipping = false;
            } else if (heldLen > 0) {
                if (append(buf, s, i - s)) {
                    sink.line(held, 0, heldLen, heldStart);
                }
            } else if (i - s > maxLine) {
                tooLong++;
            } else {
                sink.line(buf, s, i - s, offset + (s - off));
            }
            skipping = false;
            heldLen = 0;
            s = i + 1;
        }
        if (s < end && !skipping) {
            if (heldLen == 0) {
                heldStart = offset + (s - off);
            }
            append(buf, s, end - s);
        }
    }

    private boolean append(byte[] buf, int s, int n) {
        if (heldLen + n > maxLine) {
            tooLong++;
            heldLen = 0;
            skipping = true;
            return false;
        }
        if (held.length < heldLen + n) {
            held = Arrays.copyOf(held, Math.max(heldLen + n, Math.min(maxLine, Math.max(256, held.length * 2))));
        }
        System.arraycopy(buf, s, held, heldLen, n);
        heldLen += n;
        return true;
    }

    /** Bytes of an unfinished last line being held. */
    public int pending() {
        return heldLen;
    }

    /** Forgets a held partial line (the file was replaced or truncated under it). */
    public void reset() {
        heldLen = 0;
        skipping = false;
    }

    public long tooLong() {
        return tooLong;
    }
}
