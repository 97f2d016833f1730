package io.podwatch.agent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.collect.CollectorHealth;
import io.podwatch.core.durable.FileHealth;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /healthz} (JSON, 200 when every collector is up and every file podwatch writes is
 * writable, 503 "degraded" otherwise, naming what fails) and the small HTML status page.
 */
public final class StatusPages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<List<CollectorHealth>> health;
    private final FileHealth files;
    private final String version;

    public StatusPages(Supplier<List<CollectorHealth>> health, FileHealth files, String version) {
        this.health = health;
        this.files = files;
        this.version = version;
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

    public Routes.Response statusPage() {
        StringBuilder rows = new StringBuilder();
        for (CollectorHealth h : health.get()) {
            rows.append("<tr><td>").append(esc(h.name())).append("</td><td class=").append(h.up() ? "up>up" : "down>down")
                    .append("</td><td>").append(h.lastSuccess() == null ? "never" : h.lastSuccess())
                    .append("</td><td>").append(esc(h.lastError())).append("</td></tr>\n");
        }
        String html = "<!doctype html><html><head><meta charset=utf-8><title>podwatch</title><style>"
                + "body{font-family:sans-serif;margin:2em}td,th{padding:.3em 1em;text-align:left}"
                + ".up{color:#080}.down{color:#b00;font-weight:bold}</style></head><body>"
                + "<h1>podwatch " + esc(version) + "</h1>"
                + "<p><a href=/metrics>/metrics</a> · <a href=/healthz>/healthz</a></p>"
                + "<h2>Collectors</h2><table><tr><th>collector</th><th>state</th><th>last success</th><th>last error</th></tr>\n"
                + rows + "</table></body></html>\n";
        return new Routes.Response(200, "text/html; charset=utf-8", html);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
