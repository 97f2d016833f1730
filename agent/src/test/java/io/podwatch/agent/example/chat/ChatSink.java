package io.podwatch.agent.example.chat;

import io.podwatch.agent.sink.DeliveryException;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.core.alert.AlertState;
import io.podwatch.core.alert.Notification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A test-only receiver, the walkthrough's example (a chat incoming-webhook, Slack's shape): one
 * {@code {"text": ...}} post per notification. It only transmits; the dispatcher in front of it
 * owns the outbox, retries and thread.
 */
final class ChatSink implements NotificationSink {
    private final URI url;
    private final HttpPoster http;

    ChatSink(URI url, HttpPoster http) {
        this.url = url;
        this.http = http;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        String text = "[" + n.status() + "] " + n.alerts().stream().map(ChatSink::line).collect(Collectors.joining("; "));
        http.post(url, ("{\"text\":\"" + escape(text) + "\"}").getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    private static String line(AlertState a) {
        return a.alert().name() + " " + a.alert().annotations().getOrDefault("summary", "");
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c == '"' || c == '\\' ? "\\" + (char) c : c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
