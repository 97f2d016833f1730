package io.podwatch.agent.sink.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.collect.Backoff;
import io.podwatch.agent.sink.DeliveryException;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.sink.OutboxLimits;
import io.podwatch.agent.sink.SecretFile;
import io.podwatch.agent.sink.testing.LogCapture;
import io.podwatch.agent.sink.testing.Notifications;
import io.podwatch.agent.sink.testing.StartTlsFront;
import io.podwatch.core.alert.Notification;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GreenMail receives the mails: STARTTLS (through {@link StartTlsFront}) and implicit TLS, with authentication. */
class EmailIT {
    private static final String PASSWORD = "pw-9b1e-very-secret";

    @TempDir
    Path dir;
    private GreenMail mail;
    private StartTlsFront front;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void up() throws Exception {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)});
        mail.setUser("podwatch@host.example", "podwatch", PASSWORD);
        mail.start();
        front = new StartTlsFront(mail.getSmtp().getPort());
        Files.writeString(dir.resolve("smtp.password"), PASSWORD + "\n");
    }

    @AfterEach
    void down() {
        front.close();
        mail.stop();
    }

    private EmailConfig config(int port, String security, SecretFile password) {
        return new EmailConfig("127.0.0.1", port, security, "podwatch", password, "podwatch@host.example",
                List.of("ops@example.org", "oncall@example.org"), "[podwatch]", Duration.ofSeconds(5), "127.0.0.1");
    }

    @Test
    void sendsOneTextAndHtmlMailOverStartTlsWithAuth() throws Exception {
        EmailSink sink = new EmailSink("email", config(front.port(), "starttls", SecretFile.file(dir.resolve("smtp.password"))));
        Notification n = Notifications.of("email", Notifications.firing("ContainerRestartLoop", "web"),
                Notifications.firing("ContainerRestartLoop", "db"));
        sink.send(n);
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage m = mail.getReceivedMessages()[0];
        assertThat(m.getSubject()).startsWith("[podwatch] FIRING: ContainerRestartLoop").contains("2 firing");
        assertThat(m.getHeader("X-Podwatch-Idempotency-Key")[0]).isEqualTo(n.id());
        assertThat(m.getMessageID()).isEqualTo("<" + n.id() + "@podwatch>");
        MimeMultipart alt = (MimeMultipart) m.getContent();
        assertThat(alt.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alt.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(GreenMailUtil.getBody(alt.getBodyPart(1))).contains("&lt;b&gt;escaped&lt;/b&gt;");
        assertThat(alt.getBodyPart(0).getContent().toString()).contains("ContainerRestartLoop on web", "ContainerRestartLoop on db");
    }

    /** Issue 14 item 1: a relay whose greeting never ends is cut off after a bounded read, and retried. */
    @Test
    void anEndlessServerReplyIsCutOffAndRetried() throws Exception {
        try (ServerSocket hostile = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            Thread t = new Thread(() -> {
                try (java.net.Socket c = hostile.accept()) {
                    var out = c.getOutputStream();
                    out.write("220-".getBytes());
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int i = 0; i < 1600; i++) { // 100 MiB, one line
                        out.write(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (java.io.IOException e) {
                    // the client hung up: what we want
                }
            }, "hostile-smtp");
            t.setDaemon(true);
            t.start();
            EmailSink sink = new EmailSink("email", config(hostile.getLocalPort(), "starttls", SecretFile.value(PASSWORD)));
            assertThatThrownBy(() -> sink.send(Notifications.of("email", Notifications.firing("A", "web"))))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
            t.join(10_000);
            assertThat(sent.get()).isLessThan(50L << 20);
        }
    }

    @Test
    void sendsOverImplicitTlsWithPasswordFromEnvironment() throws Exception {
        EmailSink sink = new EmailSink("email", config(mail.getSmtps().getPort(), "tls",
                SecretFile.env("PODWATCH_SMTP_PASSWORD", Map.of("PODWATCH_SMTP_PASSWORD", PASSWORD))));
        sink.send(Notifications.of("email", Notifications.firing("ContainerOOMKilled", "web")));
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
    }

    @Test
    void requiredStartTlsNeverSendsThePasswordToAPlainServer() {
        EmailSink sink = new EmailSink("email", config(mail.getSmtp().getPort(), "starttls", SecretFile.value(PASSWORD)));
        assertThatThrownBy(() -> sink.send(Notifications.of("email", Notifications.firing("A", "web"))))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("SMTP 127.0.0.1").hasMessageNotContaining(PASSWORD);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void wrongPasswordIsRetriedAndNeverLogged() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String wrong = "wrong-" + PASSWORD;
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Dispatcher d = new Dispatcher(new EmailSink("email", config(front.port(), "starttls", SecretFile.value(wrong))),
                    dir.resolve("outbox/email"), new OutboxLimits(100, 1 << 20, Duration.ofDays(1)),
                    new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)), e -> { }, Clock.systemUTC(), meters);
            d.start();
            d.submit(Notifications.of("email", Notifications.firing("A", "web")));
            await().atMost(10, TimeUnit.SECONDS).until(() -> meters.get("podwatch.notifications").tag("sink", "email")
                    .tag("outcome", "retried").counter().count() >= 2);
            d.close();
            assertThat(logs.text()).contains("sink email").doesNotContain(wrong).doesNotContain(PASSWORD);
        }
    }
}
