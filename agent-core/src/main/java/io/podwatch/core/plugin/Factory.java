package io.podwatch.core.plugin;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.model.MetricDef;
import java.util.List;

/**
 * How one kind of component plugs in (Telegraf's plugin registration, made explicit): the keys it
 * declares, how its config record is read from a validated {@link Config}, and — in the
 * sub-interface of its kind — {@code create(config, context)}. A factory lives beside the
 * component it builds and is listed once in the agent's {@code BuiltIns}; nothing else names it.
 *
 * <p>Neither method does I/O: reading the config only validates (so {@code config validate} and
 * {@code run} report the same errors, all at once), and creating only builds objects — they
 * connect when the lifecycle starts them.
 *
 * @param <C> the component's config record
 */
public interface Factory<C> {
    /** The component's name: its folder, its docs page ({@code docs/plugins/NAME.md}) and sample config. */
    String name();

    /** The config keys this component declares, in documentation order. */
    List<Setting<?>> keys();

    /**
     * The component's config record from a config validated against {@link #keys()}. Throws for
     * errors only visible across keys (two keys that exclude each other, a missing required key).
     */
    C config(Config config, HostEnv env) throws ConfigException;

    /** The metric families the component emits as samples, for {@code docs/metrics.md}. */
    default List<MetricDef> metrics() {
        return List.of();
    }
}
