package io.podwatch.agent.sink.contract;

import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.agent.sink.email.EmailConfig;
import io.podwatch.agent.sink.email.EmailSink;
import java.time.Duration;
import java.util.List;

class EmailSinkContractTest extends SinkContract {
    @Override
    protected NotificationSink sink() {
        return new EmailSink("email", new EmailConfig("127.0.0.1", 9, "starttls", "", null, "podwatch@localhost",
                List.of("ops@example.org"), "[podwatch]", Duration.ofSeconds(1), ""));
    }
}
