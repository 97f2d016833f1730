package io.podwatch.agent.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.agent.sink.testing.HostileReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpPoster} against a real receiver that answers with huge bodies and redirects (issue 14, items 1 and 9). */
class HttpPosterIT {
    private static final byte[] BODY = "{\"alert\":1}".getBytes(StandardCharsets.UTF_8);
    private HostileReceiver receiver;
    private final HttpPoster http = new HttpPoster(Duration.ofSeconds(2), Duration.ofSeconds(10), Clock.systemUTC());

    @BeforeEach
    void start() throws Exception {
        receiver = new HostileReceiver(100L << 20);
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
    }

    @Test
    void aHundredMebibyteAnswerIsNotRead() throws Exception {
        http.post(URI.create(receiver.url("/huge")), BODY, Map.of());
        // the receiver could only push what the socket buffers held before we hung up
        Thread.sleep(200);
        assertThat(receiver.bodyBytesSent.get()).isLessThan(50L << 20);
    }

    @Test
    void aRedirectIsFollowedWithTheSameBody() throws Exception {
        http.post(URI.create(receiver.url("/moved")), BODY, Map.of("Authorization", "Bearer t"));
        assertThat(receiver.requests).containsExactly("POST /moved " + BODY.length, "POST /ok " + BODY.length);
    }

    @Test
    void aRedirectLoopIsRetriedNotDropped() {
        assertThatThrownBy(() -> http.post(URI.create(receiver.url("/loop")), BODY, Map.of()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("more than " + HttpPoster.MAX_REDIRECTS + " redirects");
        assertThat(receiver.requests).hasSize(HttpPoster.MAX_REDIRECTS + 1);
    }

    @Test
    void aRedirectToAnotherHostOrSchemeIsNotFollowedButRetried() {
        assertThatThrownBy(() -> http.post(URI.create(receiver.url("/away")), BODY, Map.of("Authorization", "Bearer t")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("not followed");
        assertThatThrownBy(() -> http.post(URI.create(receiver.url("/downgrade")), BODY, Map.of()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("not followed");
        assertThat(receiver.requests).containsExactly("POST /away " + BODY.length, "POST /downgrade " + BODY.length);
    }
}
