package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 2: one connection with a small receive buffer pipelines 300 GET /metrics (~622 KB
 * each, as at 100 containers) and never reads. Another client must keep scraping /metrics and
 * /healthz meanwhile, and the hostile connection is closed by the idle timeout.
 */
class PipeliningAttackIT {
    final byte[] exposition = "container_cpu_usage_seconds_total{id=\"0123456789ab\",name=\"web\"} 12.5\n"
            .repeat(622_000 / 64).getBytes(StandardCharsets.UTF_8);

    Routes routes() {
        return Routes.of(Map.of(
                "/metrics", () -> new Routes.Response(200, "text/plain", List.of(exposition, "own 1\n".getBytes(StandardCharsets.UTF_8))),
                "/healthz", () -> new Routes.Response(200, "application/json", "{\"status\":\"ok\"}\n")));
    }

    @Test
    void aClientThatNeverReadsDoesNotTakeMetricsOrHealthzDown() throws Exception {
        attack(300);
    }

    /** Under the pipelining cap the connection stays open, holding one response: the idle timeout ends it. */
    @Test
    void aStuckConnectionUnderThePipeliningCapIsClosedByTheIdleTimeout() throws Exception {
        attack(10);
    }

    private void attack(int pipelined) throws Exception {
        Routes routes = routes();
        HttpServer.Limits limits = new HttpServer.Limits(Duration.ofSeconds(3), 16, 256);
        try (HttpServer s = new HttpServer(io.podwatch.core.config.HostPort.parse("127.0.0.1:0"), routes, io.podwatch.agent.http.auth.WebConfig.NONE, limits);
             Socket hostile = new Socket()) {
            s.start();
            int port = s.boundAddress().getPort();
            hostile.setReceiveBufferSize(4096);
            hostile.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = hostile.getOutputStream();
            byte[] req = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < pipelined; i++) {
                    out.write(req);
                }
                out.flush();
            } catch (java.io.IOException closedByServer) {
                // the server may refuse the pipeline past its cap: that is the point
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                for (String path : new String[] {"/metrics", "/healthz"}) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    worst = Math.max(worst, System.nanoTime() - t0);
                    assertThat(r.statusCode()).isEqualTo(200);
                }
            }
            assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofSeconds(2));
            // one response in flight, sharing the cached direct copy: not 300 copies in direct memory
            long direct = io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory()
                    + java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)
                    .stream().filter(p -> p.getName().equals("direct")).mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
            System.out.printf("pipelined %d: worst scrape %d ms, direct memory %d KiB%n", pipelined, worst / 1_000_000, direct / 1024);
            assertThat(direct).isLessThan(32L * 1024 * 1024);
            // the stuck connection is closed by the idle timeout: reading drains then hits end of stream
            hostile.setSoTimeout(15_000);
            var in = hostile.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    total += n;
                }
            } catch (java.net.SocketException reset) {
                // closed while data was unread: a reset is a close too
            }
            assertThat(total).isLessThan(20L * exposition.length); // never all 300 responses
        }
    }
}
