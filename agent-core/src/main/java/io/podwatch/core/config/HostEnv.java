package io.podwatch.core.config;

import java.util.Map;

/**
 * The facts about the running user that defaults depend on (rootful or not, XDG directories).
 * Passed in rather than read globally so defaults are testable for both kinds of user.
 */
public record HostEnv(boolean root, String home, Map<String, String> env) {
    public HostEnv {
        env = Map.copyOf(env);
    }

    /** The current process's environment; whether it runs as root is the caller's reading of the uid. */
    public static HostEnv current(boolean root) {
        return new HostEnv(root, System.getProperty("user.home", "/"), System.getenv());
    }

    public String env(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** {@code $XDG_STATE_HOME}, defaulting as the XDG spec says. */
    public String xdgStateHome() {
        return env("XDG_STATE_HOME", home + "/.local/state");
    }

    /** {@code $XDG_RUNTIME_DIR}, or empty when unset (no login session). */
    public String xdgRuntimeDir() {
        return env("XDG_RUNTIME_DIR", "");
    }
}
