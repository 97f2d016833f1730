package io.podwatch.agent.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A secret read from a file (or environment variable) when first needed, never at config time, and
 * re-read after a failure so a fixed file is picked up. Its value is never part of a message.
 */
public final class SecretFile {
    private final Path file;
    private final String envVar;
    private final Map<String, String> env;
    private volatile byte[] value;

    private SecretFile(Path file, String envVar, Map<String, String> env) {
        this.file = file;
        this.envVar = envVar;
        this.env = env;
    }

    public static SecretFile file(Path file) {
        return new SecretFile(file, null, Map.of());
    }

    /** A secret given inline in the config (marked secret there, so never shown). */
    public static SecretFile value(String secret) {
        return new SecretFile(null, "(inline config value)", Map.of("(inline config value)", secret));
    }

    public static SecretFile env(String var, Map<String, String> env) {
        return new SecretFile(null, var, env);
    }

    /** The secret's bytes, trailing newline removed; throws naming the file or variable, not the value. */
    public byte[] bytes() throws DeliveryException {
        byte[] v = value;
        if (v != null) {
            return v;
        }
        if (file != null) {
            try {
                v = Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw DeliveryException.retryable("cannot read secret file " + file + ": " + e.getClass().getSimpleName());
            }
        } else {
            String s = env.get(envVar);
            if (s == null || s.isEmpty()) {
                throw DeliveryException.retryable("environment variable " + envVar + " is not set");
            }
            v = s.getBytes(StandardCharsets.UTF_8);
        }
        value = v;
        return v;
    }

    public String string() throws DeliveryException {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return file != null ? "secret file " + file : "secret env " + envVar;
    }
}
