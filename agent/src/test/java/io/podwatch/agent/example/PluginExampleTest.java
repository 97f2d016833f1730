package io.podwatch.agent.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.agent.Agent;
import io.podwatch.agent.BuiltIns;
import io.podwatch.agent.example.chat.ChatFactory;
import io.podwatch.agent.example.filecount.FileCountFactory;
import io.podwatch.agent.example.syslog.SyslogFactory;
import io.podwatch.agent.sink.testing.WebhookReceiver;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.plugin.Factory;
import io.podwatch.agent.sink.EventSinkFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthrough of docs/architecture.md, executed: a collector and a receiver that exist only in
 * the tests plug into a real agent through the same factories as the built-ins, pass the same
 * convention check, and an alert flows from the one to the other; a test-only syslog event sink
 * gets its state change as well. Each took at most five files.
 */
class PluginExampleTest {
    private static final Path SOURCES = Path.of("src", "test", "java", "io", "podwatch", "agent", "example");
    private static final Path PAGES = Path.of("src", "test", "resources", "example");
    private static final HostEnv ENV = new HostEnv(true, "/root", Map.of());

    @TempDir
    Path dir;

    @Test
    void aTestOnlyCollectorAndReceiverPlugInAndAnAlertFlowsBetweenThem() throws Exception {
        FileCountFactory collector = new FileCountFactory();
        ChatFactory receiver = new ChatFactory();
        SyslogFactory eventSink = new SyslogFactory();
        List<Setting<?>> settings = new ArrayList<>(BuiltIns.settings());
        settings.addAll(collector.keys());
        settings.addAll(receiver.keys());
        settings.addAll(eventSink.keys());
        Path watched = Files.createDirectories(dir.resolve("watched"));
        try (WebhookReceiver chat = new WebhookReceiver().up();
             DatagramSocket syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Config config = ConfigReader.read("example.yaml", String.join("\n",
                    "http:", "  listen: 127.0.0.1:" + io.podwatch.agent.testing.AgentProcess.freePort(),
                    "state-dir: " + dir.resolve("state"),
                    "event-log: " + dir.resolve("events.jsonl"),
                    "example:", "  filecount:", "    dir: " + watched, "    max-files: 2", "    interval: 100ms",
                    "syslog:", "  server: 127.0.0.1:" + syslog.getLocalPort(),
                    "alerts:", "  group-wait: 0s", "  chat:", "    url: " + chat.url("/chat"), ""), settings, ENV);
            // the one line a built-in gets in BuiltIns: here, the test's own lists
            List<EventSinkFactory<?>> eventSinks = new ArrayList<>(BuiltIns.eventSinks());
            eventSinks.add(eventSink);
            Agent.Components components = new Agent.Components(List.of(), List.of(collector), eventSinks,
                    List.of(receiver));
            try (Agent agent = Agent.assemble(config, ENV, Clock.systemUTC(), "test", components)) {
                agent.start();
                assertThat(agent.destinations()).startsWith("alerts go to chat and the event log ")
                        .endsWith(" and syslog udp://127.0.0.1:" + syslog.getLocalPort());
                for (int i = 0; i < 3; i++) {
                    Files.writeString(watched.resolve("f" + i), "x");
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> chat.accepted.stream()
                        .anyMatch(r -> r.json().path("text").asText().equals("[FIRING] TooManyFiles 3 files in " + watched)));
                assertThat(agent.scrape()).contains("example_files{dir=\"" + watched + "\"} 3.0");
                // the event sink got the alert's state change too, as RFC 5424 over UDP
                syslog.setSoTimeout(20_000);
                String message;
                do {
                    DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
                    syslog.receive(p);
                    message = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                } while (!message.contains("TooManyFiles"));
                assertThat(message).matches("<\\d+>1 \\S+ podwatch podwatch - \\S+ - .*TooManyFiles.*");
            }
        }
        assertThat(Files.readString(dir.resolve("events.jsonl"))).contains("TooManyFiles");
    }

    @Test
    void theExamplesFollowTheConventionOfTheBuiltIns() throws Exception {
        List<Setting<?>> settings = new ArrayList<>(BuiltIns.settings());
        List<Factory<?>> examples = List.of(new FileCountFactory(), new ChatFactory(), new SyslogFactory());
        examples.forEach(f -> settings.addAll(f.keys()));
        for (Factory<?> f : examples) {
            io.podwatch.agent.PluginPagesAccess.check(PAGES, f, settings);
        }
    }

    /**
     * What adding each took: its folder (component and factory, config record and keys inside),
     * its docs page with the sample config, its line in the list of factories, and this test.
     */
    @Test
    void eachTookAtMostFiveFiles() throws Exception {
        for (String name : List.of("filecount", "chat", "syslog")) {
            long files;
            try (Stream<Path> s = Files.walk(SOURCES.resolve(name))) {
                files = s.filter(Files::isRegularFile).count();
            }
            long total = files + 1 /* docs page */ + 1 /* BuiltIns line */ + 1 /* this test */;
            assertThat(PAGES.resolve(name + ".md")).exists();
            System.out.println("adding " + name + ": " + files + " files in its folder, " + total + " in all");
            assertThat(total).as(name).isLessThanOrEqualTo(5);
        }
    }
}
