package io.podwatch.core.plugin;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import java.util.ArrayList;
import java.util.List;

/**
 * A factory with the config record it read. Every factory's config is read before any component is
 * created, so one run reports the errors of all sections at once.
 *
 * @param config what {@code factory.config(...)} returned; passed back to the same factory only
 */
public record Configured<F extends Factory<?>>(F factory, Object config) {
    /** Reads each factory's config in order; errors are added to {@code errors}, the factory left out. */
    public static <F extends Factory<?>> List<Configured<F>> all(List<F> factories, Config config, HostEnv env,
                                                                 List<ConfigError> errors) {
        List<Configured<F>> out = new ArrayList<>();
        for (F f : factories) {
            try {
                out.add(new Configured<>(f, f.config(config, env)));
            } catch (ConfigException e) {
                errors.addAll(e.errors());
            }
        }
        return out;
    }

    /** The config record typed for its factory's {@code create}. */
    @SuppressWarnings("unchecked")
    public <C> C configFor(Factory<C> same) {
        if (same != factory) {
            throw new IllegalArgumentException("config of " + factory.name() + " asked for by " + same.name());
        }
        return (C) config;
    }
}
