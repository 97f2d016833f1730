package io.podwatch.agent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.collect.CollectorHealth;
import io.podwatch.core.durable.FileHealth;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * {@code /healthz} (JSON, 200 when every collector is up and every file podwatch writes is
 * writable, 503 "degraded" otherwise, naming what fails) and the status page's files.
 */
public final class StatusPages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<List<CollectorHealth>> health;
    private final FileHealth files;

    public StatusPages(Supplier<List<CollectorHealth>> health, FileHealth files) {
        this.health = health;
        this.files = files;
    }

    public Routes.Response healthz() {
        List<CollectorHealth> all = health.get();
        ObjectNode root = JSON.createObjectNode();
        List<FileHealth.Failure> failing = files.failing();
        boolean up = all.stream().allMatch(CollectorHealth::up) && failing.isEmpty();
        root.put("status", up ? "ok" : "degraded");
        ArrayNode arr = root.putArray("collectors");
        for (CollectorHealth h : all) {
            ObjectNode n = arr.addObject();
            n.put("name", h.name());
            n.put("up", h.up());
            n.put("lastSuccess", h.lastSuccess() == null ? null : h.lastSuccess().toString());
            n.put("consecutiveFailures", h.consecutiveFailures());
            n.put("lastError", h.lastError());
        }
        ArrayNode writes = root.putArray("writeFailures");
        for (FileHealth.Failure f : failing) {
            ObjectNode n = writes.addObject();
            n.put("file", f.file().toString());
            n.put("error", f.error());
            n.put("since", f.since().toString());
        }
        return new Routes.Response(up ? 200 : 503, "application/json", root.toPrettyString() + "\n");
    }

    /**
     * The page and its assets, read from the jar once: the page is one HTML shell, a script that
     * builds every element with {@code textContent} (names, labels, images and commands are
     * untrusted, so nothing from the API is ever parsed as HTML) and the chart library from its
     * WebJar. No CDN: the page works on a host without internet access.
     */
    public static Map<String, Supplier<Routes.Response>> assets() {
        Map<String, Supplier<Routes.Response>> m = new LinkedHashMap<>();
        put(m, "/", "/io/podwatch/agent/http/page/index.html", "text/html; charset=utf-8");
        put(m, "/assets/app.js", "/io/podwatch/agent/http/page/app.js", "text/javascript; charset=utf-8");
        put(m, "/assets/app.css", "/io/podwatch/agent/http/page/app.css", "text/css; charset=utf-8");
        put(m, "/assets/uPlot.iife.min.js", UPLOT + "dist/uPlot.iife.min.js", "text/javascript; charset=utf-8");
        put(m, "/assets/uPlot.min.css", UPLOT + "dist/uPlot.min.css", "text/css; charset=utf-8");
        return m;
    }

    private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/";

    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = StatusPages.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the uPlot WebJar is missing from the classpath", e);
        }
        return p.getProperty("version");
    }

    private static void put(Map<String, Supplier<Routes.Response>> m, String path, String resource, String type) {
        byte[] body;
        try (InputStream in = StatusPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            body = in.readNBytes(1 << 20);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + resource, e);
        }
        Routes.Response r = new Routes.Response(200, type, body);
        m.put(path, () -> r);
    }
}
