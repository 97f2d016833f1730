package io.podwatch.agent.http.auth;

import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code http.web-config: FILE} in the Prometheus exporter-toolkit format, so a fleet that already
 * scrapes node_exporter over TLS with basic auth scrapes podwatch the same way:
 * <pre>
 * tls_server_config:
 *   cert_file: /etc/podwatch/tls.crt
 *   key_file: /etc/podwatch/tls.key      # PEM, PKCS#8
 *   min_version: TLS12                   # optional: TLS12 (default) or TLS13
 * basic_auth_users:
 *   prometheus: $2y$10$...               # bcrypt hash (htpasswd -nBC 10 "" | tr -d ':\n')
 * </pre>
 * Keys podwatch does not implement are errors, not silently ignored (a client_ca_file that is
 * skipped would leave an operator believing mTLS is on). Read when the agent is assembled, so a
 * bad file is a config error (exit 3); the certificate and key are read when the server starts.
 */
public record WebConfig(Path certFile, Path keyFile, String minVersion, Map<String, String> users) {
    private static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> TOP = Set.of("tls_server_config", "basic_auth_users");
    private static final Set<String> TLS = Set.of("cert_file", "key_file", "min_version");

    public static final WebConfig NONE = new WebConfig(null, null, "TLS12", Map.of());

    public WebConfig {
        users = Map.copyOf(users);
    }

    public boolean tls() {
        return certFile != null;
    }

    public boolean auth() {
        return !users.isEmpty();
    }

    public static WebConfig load(Path file) throws ConfigException {
        String name = file.toString();
        String key = "http.web-config";
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw error(name, key, file.toString(), "a regular file of at most 1 MiB");
            }
            String text;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                text = new String(in.readNBytes((int) MAX_BYTES), StandardCharsets.UTF_8);
            }
            return parse(name, text);
        } catch (IOException e) {
            throw error(name, key, file.toString(), "a readable file (" + e.getMessage() + ")");
        }
    }

    static WebConfig parse(String file, String yaml) throws ConfigException {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setMaxAliasesForCollections(10);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(opts)).load(yaml);
        } catch (RuntimeException e) {
            throw error(file, "", null, "YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        List<ConfigError> errors = new ArrayList<>();
        Map<String, Object> top = map(root == null ? Map.of() : root, file, "", errors);
        unknown(top, TOP, file, "", errors);
        Map<String, Object> tls = map(top.getOrDefault("tls_server_config", Map.of()), file, "tls_server_config", errors);
        unknown(tls, TLS, file, "tls_server_config.", errors);
        Path cert = path(tls.get("cert_file"), file, "tls_server_config.cert_file", errors);
        Path keyFile = path(tls.get("key_file"), file, "tls_server_config.key_file", errors);
        if ((cert == null) != (keyFile == null)) {
            errors.add(new ConfigError(file, 0, "tls_server_config", null, "both cert_file and key_file"));
        }
        String min = String.valueOf(tls.getOrDefault("min_version", "TLS12"));
        if (!min.equals("TLS12") && !min.equals("TLS13")) {
            errors.add(new ConfigError(file, 0, "tls_server_config.min_version", min, "TLS12 or TLS13"));
        }
        Map<String, String> users = new LinkedHashMap<>();
        map(top.getOrDefault("basic_auth_users", Map.of()), file, "basic_auth_users", errors).forEach((u, h) -> {
            String hash = h == null ? "" : h.toString();
            if (!hash.matches("\\$2[abyx]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                errors.add(new ConfigError(file, 0, "basic_auth_users." + u, "<redacted>", "a bcrypt hash ($2y$10$...)"));
            } else {
                users.put(u, hash);
            }
        });
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new WebConfig(cert, keyFile, min, users);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String file, String key, List<ConfigError> errors) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        errors.add(new ConfigError(file, 0, key, String.valueOf(o), "a mapping"));
        return Map.of();
    }

    private static void unknown(Map<String, Object> m, Set<String> known, String file, String prefix, List<ConfigError> errors) {
        m.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> errors.add(new ConfigError(file, 0, prefix + k, null,
                "one of " + new java.util.TreeSet<>(known) + " (podwatch does not implement " + prefix + k + ")")));
    }

    private static Path path(Object o, String file, String key, List<ConfigError> errors) {
        if (o == null) {
            return null;
        }
        if (!(o instanceof String s) || s.isBlank()) {
            errors.add(new ConfigError(file, 0, key, String.valueOf(o), "a file path"));
            return null;
        }
        Path p = Path.of(s);
        // exporter-toolkit resolves relative paths against the web config's directory
        return p.isAbsolute() || file.isEmpty() ? p : Path.of(file).toAbsolutePath().resolveSibling(p);
    }

    private static ConfigException error(String file, String key, String found, String expected) {
        return new ConfigException(List.of(new ConfigError(file, 0, key, found, expected)));
    }
}
