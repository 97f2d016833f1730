package io.podwatch.agent.sink.testing;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * GreenMail 2.1 speaks plain SMTP and implicit-TLS SMTPS but not STARTTLS. This front answers EHLO
 * with STARTTLS, upgrades the connection with GreenMail's own test certificate, and from then on
 * relays the (now encrypted) session byte for byte to GreenMail's plain SMTP port — so the client
 * under test performs a real STARTTLS handshake and a real AUTH, and GreenMail receives the mail.
 */
public final class StartTlsFront implements AutoCloseable {
    private final ServerSocket server;
    private final int backendPort;
    private final SSLContext tls;
    private final Thread acceptor;

    public StartTlsFront(int backendPort) throws Exception {
        this.backendPort = backendPort;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(new DummySSLServerSocketFactory().getKeyStore(), "changeit".toCharArray());
        this.tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        this.acceptor = new Thread(this::accept, "starttls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s), "starttls-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            write(out, "220 front ESMTP\r\n");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase();
                if (cmd.startsWith("EHLO")) {
                    write(out, "250-front\r\n250 STARTTLS\r\n");
                } else if (cmd.startsWith("STARTTLS")) {
                    write(out, "220 2.0.0 Ready to start TLS\r\n");
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, "127.0.0.1", s.getPort(), true);
                    ssl.setUseClientMode(false);
                    ssl.startHandshake();
                    relay(ssl);
                    return;
                } else if (cmd.startsWith("QUIT")) {
                    write(out, "221 bye\r\n");
                    return;
                } else {
                    write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
                }
            }
        } catch (IOException e) {
            // session over
        }
    }

    private void relay(SSLSocket client) throws IOException {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            InputStream bin = backend.getInputStream();
            // swallow GreenMail's greeting: the client already had ours
            int c;
            while ((c = bin.read()) != -1 && c != '\n') {
                // skip
            }
            Thread up = new Thread(() -> pipe(client, backend), "starttls-up");
            up.setDaemon(true);
            up.start();
            pipe(backend, client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException e) {
                // already closed
            }
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}
