package io.podwatch.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Turns a {@link Routes.Response}'s chunks into what goes on the wire, plain or gzip. A large chunk
 * (the collectors' exposition, the chart library) is copied once into a direct buffer and served as
 * a retained duplicate while the same array comes back: a non-direct buffer would be copied to
 * direct memory per response by the NIO transport, which is how 300 pipelined scrapes once pinned
 * the event loop in {@code Bits.reserveMemory}. Gzip uses the pigz trick: each chunk is deflated on
 * its own and sync-flushed (byte-aligned, no back-reference across chunks), so a cached chunk's
 * deflate bytes are reused and only the small per-scrape chunk is compressed per request; an empty
 * final block and the CRC close the member. Event-loop thread only.
 */
final class Bodies implements AutoCloseable {
    static final int CACHE_MIN = 16 * 1024;
    private static final int CACHE_ENTRIES = 8;
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** BFINAL=1, BTYPE=01 (fixed Huffman), end-of-block: the empty last block. */
    private static final byte[] FINAL_BLOCK = {0x03, 0x00};

    private final ByteBufAllocator alloc;
    private final List<Cached> cache = new ArrayList<>();

    private static final class Cached {
        final byte[] source;
        final ByteBuf plain;
        ByteBuf deflated;

        Cached(byte[] source, ByteBuf plain) {
            this.source = source;
            this.plain = plain;
        }

        void release() {
            plain.release();
            if (deflated != null) {
                deflated.release();
            }
        }
    }

    Bodies(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    ByteBuf plain(List<byte[]> chunks) {
        CompositeByteBuf out = alloc.compositeDirectBuffer(Math.max(2, chunks.size()));
        for (byte[] c : chunks) {
            out.addComponent(true, c.length >= CACHE_MIN ? cached(c).plain.retainedDuplicate() : direct(c));
        }
        return out;
    }

    ByteBuf gzip(List<byte[]> chunks) {
        CompositeByteBuf out = alloc.compositeDirectBuffer(chunks.size() + 3);
        out.addComponent(true, direct(GZIP_HEADER));
        CRC32 crc = new CRC32();
        long size = 0;
        for (byte[] c : chunks) {
            crc.update(c);
            size += c.length;
            if (c.length >= CACHE_MIN) {
                Cached k = cached(c);
                if (k.deflated == null) {
                    k.deflated = direct(deflate(c));
                }
                out.addComponent(true, k.deflated.retainedDuplicate());
            } else {
                out.addComponent(true, direct(deflate(c)));
            }
        }
        ByteBuf trailer = alloc.directBuffer(10).writeBytes(FINAL_BLOCK);
        trailer.writeIntLE((int) crc.getValue()).writeIntLE((int) size);
        out.addComponent(true, trailer);
        return out;
    }

    private ByteBuf direct(byte[] b) {
        return alloc.directBuffer(b.length).writeBytes(b);
    }

    private Cached cached(byte[] c) {
        for (Iterator<Cached> it = cache.iterator(); it.hasNext(); ) {
            Cached k = it.next();
            if (k.source == c) {
                it.remove();
                cache.add(k); // most recently used last
                return k;
            }
        }
        Cached k = new Cached(c, Unpooled.directBuffer(c.length).writeBytes(c));
        cache.add(k);
        if (cache.size() > CACHE_ENTRIES) {
            cache.remove(0).release(); // in-flight duplicates keep their own reference
        }
        return k;
    }

    /** Raw deflate, sync-flushed: byte-aligned and self-contained, so members can be concatenated. */
    static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(in);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length / 4 + 64);
            byte[] buf = new byte[Math.max(4096, Math.min(in.length, 64 * 1024))];
            int n;
            do {
                n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length);
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Direct memory held by the cache, for the self-metric. */
    long cachedBytes() {
        long n = 0;
        for (Cached k : cache) {
            n += k.plain.capacity() + (k.deflated == null ? 0 : k.deflated.capacity());
        }
        return n;
    }

    @Override
    public void close() {
        cache.forEach(Cached::release);
        cache.clear();
    }
}
