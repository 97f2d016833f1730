package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodiesTest {
    @Test
    void largeChunksAreCachedByIdentityBoundedAndReleasedOnlyWhenNoResponseHoldsThem() {
        Bodies bodies = new Bodies(UnpooledByteBufAllocator.DEFAULT);
        byte[] big = new byte[Bodies.CACHE_MIN * 2];
        ByteBuf first = bodies.plain(List.of(big, new byte[10]));
        ByteBuf second = bodies.plain(List.of(big, new byte[10]));
        assertThat(bodies.cachedBytes()).isEqualTo(big.length); // one direct copy shared by both responses
        List<ByteBuf> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // other arrays push it out of the cache ...
            others.add(bodies.plain(List.of(new byte[Bodies.CACHE_MIN])));
        }
        assertThat(bodies.cachedBytes()).isLessThanOrEqualTo(8L * Bodies.CACHE_MIN);
        // ... while the responses still in flight keep their bytes readable
        assertThat(first.readableBytes()).isEqualTo(big.length + 10);
        assertThat(first.getByte(big.length - 1)).isZero();
        assertThat(first.release()).isTrue();
        assertThat(second.release()).isTrue();
        others.forEach(ByteBuf::release);
        bodies.close();
        assertThat(bodies.cachedBytes()).isZero();
    }
}
