package io.podwatch.agent.sink.email;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * The plain TCP sockets JavaMail talks SMTP over, each allowed to read at most {@code maxBytes}
 * from the server (TLS included: JavaMail layers STARTTLS and implicit TLS over this socket, so
 * the TLS records come through the bound too). JavaMail reads a server reply line without a
 * length limit; a hostile relay answering with an endless line would otherwise fill the agent's
 * heap. One message goes per connection, and its whole conversation is a few kilobytes.
 */
final class BoundedSockets extends SocketFactory {
    private final long maxBytes;

    BoundedSockets(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Socket createSocket() {
        return new BoundedSocket(maxBytes);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress to, InetSocketAddress local) throws IOException {
        Socket s = createSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(to);
        return s;
    }

    private static final class BoundedSocket extends Socket {
        private final long maxBytes;
        private InputStream in;

        BoundedSocket(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = BoundedInputStream.builder().setInputStream(super.getInputStream()).setMaxCount(maxBytes)
                        .setOnMaxCount((max, count) -> {
                            throw new IOException("the SMTP server sent more than " + max + " bytes; connection dropped");
                        }).get();
            }
            return in;
        }
    }
}
