package io.podwatch.agent.example.chat;

import io.podwatch.agent.sink.Delivery;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.Limits;
import io.podwatch.agent.sink.ReceiverFactory;
import io.podwatch.agent.sink.ReceiverKeys;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The example receiver's keys, config record and factory. */
public final class ChatFactory implements ReceiverFactory<Optional<ChatFactory.ChatConfig>> {
    private static final String PREFIX = "alerts.chat.";
    static final Setting<URI> URL = Setting.of(PREFIX + "url", ReceiverKeys.HTTP_URL, null, "Incoming-webhook URL; unset = off.");

    record ChatConfig(URI url, Limits limits) {
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public List<Setting<?>> keys() {
        return List.of(URL, ReceiverKeys.rateLimit(PREFIX), ReceiverKeys.burst(PREFIX),
                ReceiverKeys.backoffInitial(PREFIX), ReceiverKeys.backoffMax(PREFIX));
    }

    @Override
    public Optional<ChatConfig> config(Config c, HostEnv env) {
        return Optional.ofNullable(c.get(URL)).map(u -> new ChatConfig(u, Limits.from(c, PREFIX)));
    }

    @Override
    public List<Delivery> create(Optional<ChatConfig> config, SinkContext context) {
        return config.map(c -> List.of(c.limits().deliver(new ChatSink(c.url(),
                new HttpPoster(Duration.ofSeconds(2), Duration.ofSeconds(5), context.clock())), Duration.ZERO, Duration.ZERO)))
                .orElse(List.of());
    }
}
