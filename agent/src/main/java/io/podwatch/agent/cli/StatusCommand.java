package io.podwatch.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.agent.AgentKeys;
import io.podwatch.agent.http.auth.WebConfig;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.text.Causes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code podwatch status}: one screen about the running agent, read from its {@code /api/v1/}
 * (for an ssh session without a browser). Exit 0 when the agent answers and every collector is up,
 * 1 when it answers degraded (a collector down or an alert firing), 4 when no agent answers.
 * Everything printed from the agent is stripped of control characters (names are untrusted). With
 * {@code http.web-config} it speaks TLS, trusting the agent's own certificate, and sends
 * {@code PODWATCH_AUTH=user:password} as basic auth.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Summarise the running agent: collectors, containers, alerts, audit, receivers.")
public final class StatusCommand implements Callable<Integer> {
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final int ROWS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--config", paramLabel = "FILE", description = "Config file naming http.listen (default: embedded defaults).")
    Path config;
    @Option(names = "--url", paramLabel = "URL", description = "The agent's address (default: http://<http.listen>).")
    String url;
    @Option(names = "--json", description = "Print the overview JSON unchanged.")
    boolean json;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String base;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        try {
            Config c = ConfigFiles.load(config, ConfigFiles.hostEnv());
            base = url != null ? url.replaceAll("/+$", "") : baseUrl(c);
            String web = c.get(AgentKeys.HTTP_WEB_CONFIG);
            if (!web.isEmpty()) {
                WebConfig w = WebConfig.load(Path.of(web));
                if (w.tls()) {
                    client.sslContext(trusting(w.certFile()));
                }
            }
        } catch (ConfigException e) {
            return ConfigCommand.report(e, err);
        } catch (IOException | GeneralSecurityException e) {
            err.println("podwatch status: cannot use the agent's certificate from http.web-config: " + clean(e.getMessage()));
            err.flush();
            return ExitCode.BAD_CONFIG;
        }
        HttpClient http = client.build();
        JsonNode overview;
        JsonNode alerts;
        JsonNode containers;
        try {
            overview = get(http, base, "overview");
            if (json) {
                out.println(overview.toPrettyString());
                out.flush();
                // a script reads the exit status whatever the format: the README's 1 for degraded holds here too
                return degraded(overview) ? ExitCode.FINDINGS : ExitCode.OK;
            }
            alerts = get(http, base, "alerts");
            containers = get(http, base, "containers");
        } catch (Refused e) {
            err.println("podwatch status: the agent at " + base + " " + clean(e.getMessage()));
            err.flush();
            return ExitCode.FATAL_STARTUP;
        } catch (IOException e) {
            err.println("podwatch status: agent not running or not answering at " + base + " (" + Causes.describe(e) + ")");
            err.flush();
            return ExitCode.FATAL_STARTUP;
        }
        boolean degraded = print(out, base, overview, alerts, containers);
        out.flush();
        return degraded ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The agent's own certificate as the only trust anchor: it is usually self-signed. */
    private static SSLContext trusting(Path certFile) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = java.nio.file.Files.newInputStream(certFile)) {
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("agent-" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static String baseUrl(Config c) {
        String listen = c.get(AgentKeys.HTTP_LISTEN).toString();
        // a wildcard listen address is reached on loopback
        listen = listen.replaceFirst("^0\\.0\\.0\\.0:", "127.0.0.1:").replaceFirst("^\\[::\\]:", "[::1]:");
        return (c.get(AgentKeys.HTTP_WEB_CONFIG).isEmpty() ? "http://" : "https://") + listen;
    }

    private static JsonNode get(HttpClient http, String base, String path) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/v1/" + path)).timeout(Duration.ofSeconds(5));
        String auth = System.getenv("PODWATCH_AUTH");
        if (auth != null && auth.contains(":")) {
            req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            byte[] body = in.readNBytes(MAX_BODY);
            if (r.statusCode() == 401) {
                throw new Refused("refused the credentials: it requires basic auth; set PODWATCH_AUTH=user:password");
            }
            if (r.statusCode() != 200) {
                throw new Refused("answered HTTP " + r.statusCode() + " for /api/v1/" + path);
            }
            return JSON.readTree(body);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad address " + base, e);
        }
    }

    /** The agent answered, but not with the status. */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** A collector down or an alert firing, as the overview counts them. */
    private static boolean degraded(JsonNode overview) {
        for (JsonNode c : overview.path("collectors")) {
            if (!c.path("up").asBoolean()) {
                return true;
            }
        }
        return overview.path("counts").path("alertsFiring").asInt() > 0;
    }

    private static boolean print(PrintWriter out, String base, JsonNode o, JsonNode alerts, JsonNode containers) {
        out.printf("podwatch %s on %s, up %s (%s)%n", t(o, "version"), t(o, "host"),
                uptime(o.path("uptimeSeconds").asLong()), base);
        List<String> cols = new ArrayList<>();
        boolean degraded = degraded(o);
        for (JsonNode c : o.path("collectors")) {
            boolean up = c.path("up").asBoolean();
            cols.add(t(c, "name") + (up ? " up" : " DOWN (" + t(c, "lastError") + ")"));
        }
        out.println("collectors: " + (cols.isEmpty() ? "none" : String.join(", ", cols)));
        JsonNode n = o.path("counts");
        out.printf("containers: %d (%d running)   alerts firing: %d   posture findings: %d   engines: %s%n",
                n.path("containers").asInt(), n.path("running").asInt(), n.path("alertsFiring").asInt(),
                n.path("findings").asInt(), list(o.path("engines")));
        JsonNode a = o.path("audit");
        if (a.size() > 0) {
            out.printf("audit: log %s, kernel %s, %s rules, backlog %s/%s, lost %s, possibly lost %s%n",
                    a.path("podwatch_audit_log_readable").asDouble() == 1 ? "readable" : "UNREADABLE",
                    a.path("podwatch_audit_kernel_enabled").asDouble() >= 1 ? "enabled" : "disabled",
                    num(a, "podwatch_audit_kernel_rules"), num(a, "podwatch_audit_kernel_backlog"),
                    num(a, "podwatch_audit_kernel_backlog_limit"), num(a, "podwatch_audit_kernel_lost_total"),
                    num(a, "podwatch_audit_possibly_lost_total"));
        }
        if (o.path("receivers").isEmpty()) {
            out.println("receivers: none: alerts go to the event log " + t(o, "eventLog") + " only");
        }
        for (JsonNode r : o.path("receivers")) {
            out.printf("receiver %s: outbox %d, last success %s%s%n", t(r, "sink"), r.path("pending").asLong(),
                    ago(r.path("lastSuccess")), t(r, "lastError").isEmpty() ? "" : ", last error: " + t(r, "lastError"));
        }
        JsonNode firing = alerts.path("firing");
        degraded |= firing.size() > 0;
        out.println(firing.isEmpty() ? "no alerts firing" : "FIRING:");
        int shown = 0;
        for (JsonNode f : firing) {
            if (shown++ == ROWS) {
                out.printf("  ... and %d more (podwatch events --kind alert)%n", firing.size() - ROWS);
                break;
            }
            out.printf("  %-8s %-28s %-20s %s%n", t(f, "severity"), t(f, "name"), cut(t(f, "container"), 20), cut(t(f, "summary"), 60));
        }
        List<JsonNode> busy = new ArrayList<>();
        containers.path("containers").forEach(busy::add);
        busy.sort((x, y) -> Double.compare(y.path("cpuCores").asDouble(), x.path("cpuCores").asDouble()));
        if (!busy.isEmpty()) {
            out.printf("%-24s %-9s %8s %12s %8s %7s%n", "CONTAINER", "STATE", "CPU", "MEMORY", "RESTARTS", "POSTURE");
            busy.stream().limit(ROWS).forEach(c -> out.printf("%-24s %-9s %8s %12s %8s %7s%n", cut(t(c, "name"), 24),
                    cut(t(c, "state"), 9), c.path("cpuCores").isNumber() ? String.format(Locale.ROOT, "%.3f", c.path("cpuCores").asDouble()) : "-",
                    bytes(c.path("memoryBytes")), num(c, "restarts"), num(c, "postureScore")));
        }
        return degraded;
    }

    private static String t(JsonNode n, String field) {
        return clean(n.path(field).isNull() || n.path(field).isMissingNode() ? "" : n.path(field).asText());
    }

    private static String num(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? String.valueOf(Math.round(v.asDouble())) : "-";
    }

    private static String list(JsonNode arr) {
        List<String> s = new ArrayList<>();
        arr.forEach(x -> s.add(clean(x.asText())));
        return s.isEmpty() ? "none" : String.join(", ", s);
    }

    private static String bytes(JsonNode v) {
        if (!v.isNumber()) {
            return "-";
        }
        double b = v.asDouble();
        String[] u = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (b >= 1024 && i < u.length - 1) {
            b /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", b, u[i]);
    }

    private static String ago(JsonNode time) {
        if (!time.isTextual()) {
            return "never";
        }
        long s = Duration.between(Instant.parse(time.asText()), Instant.now()).toSeconds();
        return s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h ago";
    }

    private static String uptime(long s) {
        return (s >= 86400 ? s / 86400 + "d " : "") + (s % 86400) / 3600 + "h " + (s % 3600) / 60 + "m";
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Control characters (newlines, terminal escapes) from untrusted names shown as {@code \\uXXXX}. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
