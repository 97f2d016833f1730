package io.podwatch.collectors.posture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image trust configuration read from the host: {@code /etc/containers/policy.json} and
 * {@code registries.conf} (plus {@code registries.conf.d/*.conf}, v2 {@code [[registry]]} tables
 * and the v1 {@code [registries.insecure]} list). Only the keys the checks need are read; a
 * line-based reader is enough for them and keeps a TOML library out of the agent.
 *
 * @param policy policy.json, or null when absent or unreadable
 * @param shortNameMode as configured, "" when unset (Podman's default is enforcing)
 */
public record TrustConfig(JsonNode policy, String policyError, String shortNameMode, Set<String> insecureRegistries) {
    private static final Pattern SHORT_NAME_MODE = Pattern.compile("^\\s*short-name-mode\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern LOCATION = Pattern.compile("^\\s*(location|prefix)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INSECURE = Pattern.compile("^\\s*insecure\\s*=\\s*true\\b");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    public TrustConfig {
        insecureRegistries = Set.copyOf(insecureRegistries);
    }

    public static TrustConfig read(HostFiles host) {
        JsonNode policy = null;
        String error = "";
        Optional<String> text = host.read("/etc/containers/policy.json");
        if (text.isEmpty()) {
            error = "/etc/containers/policy.json is missing or unreadable";
        } else {
            try {
                policy = new ObjectMapper().readTree(text.get());
            } catch (IOException e) {
                error = "/etc/containers/policy.json is not valid JSON: " + e.getMessage();
            }
        }
        List<String> confs = new ArrayList<>();
        host.read("/etc/containers/registries.conf").ifPresent(confs::add);
        for (String f : host.list("/etc/containers/registries.conf.d")) {
            if (f.endsWith(".conf")) {
                host.read("/etc/containers/registries.conf.d/" + f).ifPresent(confs::add);
            }
        }
        String mode = "";
        Set<String> insecure = new LinkedHashSet<>();
        for (String conf : confs) {
            String m = parseRegistries(conf, insecure);
            mode = m.isEmpty() ? mode : m;
        }
        return new TrustConfig(policy, error, mode, insecure);
    }

    /** Adds the insecure registries of one file; returns its short-name-mode or "". */
    static String parseRegistries(String conf, Set<String> insecure) {
        String mode = "";
        String location = null;
        boolean tableInsecure = false;
        boolean inV1Insecure = false;
        for (String raw : conf.split("\n")) {
            String line = raw.replaceAll("#.*$", "");
            String t = line.trim();
            if (t.startsWith("[")) {
                if (tableInsecure && location != null) {
                    insecure.add(location);
                }
                location = null;
                tableInsecure = false;
                inV1Insecure = t.equals("[registries.insecure]");
                continue;
            }
            Matcher m = SHORT_NAME_MODE.matcher(line);
            if (m.find()) {
                mode = m.group(1);
            }
            Matcher loc = LOCATION.matcher(line);
            if (loc.find() && (location == null || loc.group(1).equals("location"))) {
                location = loc.group(2);
            }
            if (INSECURE.matcher(line).find()) {
                tableInsecure = true;
            }
            if (inV1Insecure && t.startsWith("registries")) {
                Matcher q = QUOTED.matcher(t);
                while (q.find()) {
                    insecure.add(q.group(1));
                }
            }
        }
        if (tableInsecure && location != null) {
            insecure.add(location);
        }
        return mode;
    }
}
