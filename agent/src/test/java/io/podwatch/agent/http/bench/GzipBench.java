package io.podwatch.agent.http.bench;

import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.http.Routes;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Cost of a gzip scrape of a ~622 KB exposition (100 containers): the server's cached-chunk gzip
 * against compressing the whole body per response, side by side in one run, for docs/status-page.md.
 * Run: {@code java -cp <agent test classpath> io.podwatch.agent.http.bench.GzipBench 300}
 */
public final class GzipBench {
    private GzipBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        byte[] exposition = "container_cpu_usage_seconds_total{id=\"0123456789abcdef\",image=\"docker.io/library/nginx:1.27\",name=\"web-%d\",pod=\"\"} %d.25\n"
                .repeat(1).transform(f -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; sb.length() < 622_000; i++) {
                        sb.append(String.format(f, i % 100, i));
                    }
                    return sb.toString().getBytes(StandardCharsets.UTF_8);
                });
        byte[] own = "jvm_memory_used_bytes{area=\"heap\"} 1.2E7\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Routes routes = Routes.of(Map.of("/metrics", () -> new Routes.Response(200, "text/plain", List.of(exposition, own))));
        try (HttpServer s = new HttpServer(io.podwatch.core.config.HostPort.parse("127.0.0.1:0"), routes)) {
            s.start();
            HttpClient c = HttpClient.newHttpClient();
            URI u = URI.create("http://127.0.0.1:" + s.boundAddress().getPort() + "/metrics");
            for (String enc : new String[] {"identity", "gzip", "identity", "gzip"}) {
                long t0 = System.nanoTime();
                long bytes = 0;
                for (int i = 0; i < n; i++) {
                    bytes += c.send(HttpRequest.newBuilder(u).header("Accept-Encoding", enc).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).body().length;
                }
                System.out.printf("scrape %-8s %6.2f ms/scrape, %7d bytes on the wire%n", enc, (System.nanoTime() - t0) / 1e6 / n, bytes / n);
            }
        }
        long t0 = System.nanoTime();
        int size = 0;
        for (int i = 0; i < n; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(exposition);
                gz.write(own);
            }
            size = out.size();
        }
        System.out.printf("whole body gzip per response (what a per-response compressor costs): %.2f ms, %d bytes%n",
                (System.nanoTime() - t0) / 1e6 / n, size);
    }
}
