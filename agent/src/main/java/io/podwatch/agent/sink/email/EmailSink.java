package io.podwatch.agent.sink.email;

import io.podwatch.agent.sink.DeliveryException;
import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.core.alert.Notification;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * Sends one mail per notification (one alert group, or one digest window) over SMTP with STARTTLS
 * (required, not opportunistic) or implicit TLS, plain text plus HTML. The notification id is the
 * {@code Message-ID} and an {@code X-Podwatch-Idempotency-Key} header, so a repeat after a crash is
 * recognisable. The password is read when sending, from its file or variable, and never logged.
 * What the server may send back is bounded ({@link BoundedSockets}).
 */
public final class EmailSink implements NotificationSink {
    /** All a server may send on one connection (greeting, EHLO, TLS handshake, replies): far above a real one. */
    static final long MAX_REPLY_BYTES = 1 << 20;

    private final String name;
    private final EmailConfig c;
    private final String host;

    public EmailSink(String name, EmailConfig config) {
        this(name, config, Map.of());
    }

    /** @param externalLabels the agent's labels; its {@code host} is named in every subject */
    public EmailSink(String name, EmailConfig config, Map<String, String> externalLabels) {
        this.name = name;
        this.c = config;
        this.host = externalLabels.getOrDefault("host", "");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        String where = "SMTP " + c.host() + ":" + c.port();
        try {
            Session session = Session.getInstance(properties());
            MimeMessage m = new IdMessage(session, "<" + n.id() + "@podwatch>");
            m.setFrom(new InternetAddress(c.from()));
            for (String to : c.to()) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            m.setSubject(MailRenderer.subject(c.subjectPrefix(), n, host), StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(n.createdAt()));
            m.setHeader("X-Podwatch-Idempotency-Key", n.id());
            MimeMultipart alt = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(MailRenderer.text(n), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(MailRenderer.html(n), "text/html; charset=UTF-8");
            alt.addBodyPart(text);
            alt.addBodyPart(html);
            m.setContent(alt);
            try (Transport t = session.getTransport(c.security().equals("tls") ? "smtps" : "smtp")) {
                t.connect(c.host(), c.port(), c.username().isEmpty() ? null : c.username(),
                        c.password() == null ? null : c.password().string());
                t.sendMessage(m, m.getAllRecipients());
            }
        } catch (SendFailedException e) {
            // addresses the server refuses will be refused again
            boolean none = e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0;
            throw new DeliveryException(where + ": recipients refused: " + e.getClass().getSimpleName(), !none, null);
        } catch (MessagingException e) {
            throw DeliveryException.retryable(where + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String proto = c.security().equals("tls") ? "smtps" : "smtp";
        String ms = Long.toString(c.timeout().toMillis());
        p.put("mail." + proto + ".host", c.host());
        p.put("mail." + proto + ".port", Integer.toString(c.port()));
        p.put("mail." + proto + ".auth", Boolean.toString(c.password() != null));
        p.put("mail." + proto + ".connectiontimeout", ms);
        p.put("mail." + proto + ".timeout", ms);
        p.put("mail." + proto + ".writetimeout", ms);
        p.put("mail." + proto + ".socketFactory", new BoundedSockets(MAX_REPLY_BYTES));
        p.put("mail." + proto + ".socketFactory.fallback", "false");
        // an operator who pinned trust to a host has opted out of PKIX and name checks for it
        p.put("mail." + proto + ".ssl.checkserveridentity", Boolean.toString(c.sslTrust().isEmpty()));
        if (c.security().equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!c.sslTrust().isEmpty()) {
            p.put("mail." + proto + ".ssl.trust", c.sslTrust());
        }
        return p;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Keeps our Message-ID instead of the one JavaMail generates on save. */
    private static final class IdMessage extends MimeMessage {
        private final String id;

        IdMessage(Session s, String id) {
            super(s);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
