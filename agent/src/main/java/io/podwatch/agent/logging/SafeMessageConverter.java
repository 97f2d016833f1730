package io.podwatch.agent.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.podwatch.core.text.Printable;
import io.podwatch.core.text.Redact;

/**
 * {@code %msg} of every log line, made safe in one place rather than at each of the many calls
 * that log a receiver's error, a container name or a path: URLs lose their user-info and query
 * (tokens live there), and control characters are escaped, so a container or file name cannot
 * forge a line in the journal or send escape codes to the terminal reading it.
 */
public final class SafeMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Printable.escape(Redact.urls(super.convert(event)));
    }
}
