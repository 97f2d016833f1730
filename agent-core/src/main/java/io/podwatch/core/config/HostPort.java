package io.podwatch.core.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A {@code host:port} as written in the config ({@code [v6]:port} for IPv6), parsed once where the
 * config is read; everything after uses {@link #host()} and {@link #port()}.
 *
 * @param host a name or address, without IPv6 brackets
 * @param port 0-65535 (0 only for tests: "any free port")
 */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || port < 0 || port > 65535) {
            throw new IllegalArgumentException("host:port out of range: " + host + ":" + port);
        }
    }

    /** Parses {@code host:port} or {@code [v6]:port}; throws IllegalArgumentException when it is neither. */
    public static HostPort parse(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("not host:port: " + s);
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 address is written in brackets: " + s);
        }
        return new HostPort(host, Integer.parseInt(s.substring(colon + 1)));
    }

    /** An unresolved socket address: resolving is I/O, left to whoever connects or binds. */
    public InetSocketAddress unresolved() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** As written: {@code host:port}, {@code [v6]:port}. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
