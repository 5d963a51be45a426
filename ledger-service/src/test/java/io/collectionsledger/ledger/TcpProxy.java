package io.collectionsledger.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP forwarder of the test's own between the service and PostgreSQL, on a port of its own, so a
 * test can take the database away from the service without touching the machine's server: while
 * {@link #cut() cut} it drops every open connection and closes each new one as soon as it is made.
 * {@link #dropAnswerToCommitAfter(String)} cuts one connection at the worst moment instead: after
 * PostgreSQL received the commit of a transaction that carried the marker, before its answer
 * reaches the service, so the service cannot know whether its command was recorded.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean cut;
    private final AtomicReference<String> commitMarker = new AtomicReference<>();

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The JDBC URL of a database on the target, reached through this proxy. */
    public String url(String directUrl) {
        return directUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port() + "/");
    }

    /** Drops every open connection, and closes new ones at once until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
    }

    public void restore() {
        cut = false;
    }

    /** The next commit on a connection that carried the marker (ASCII) reaches PostgreSQL; its answer never comes back. */
    public void dropAnswerToCommitAfter(String marker) {
        commitMarker.set(marker);
    }

    /** How many answers to a commit were dropped. */
    public int droppedCommitAnswers() {
        return dropped.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                Connection connection = new Connection(client, server);
                start(() -> connection.pumpToServer(), "to-server");
                start(() -> connection.pumpToClient(), "to-client");
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection fail
            }
        }
    }

    private static void start(Runnable pump, String name) {
        Thread thread = new Thread(pump, "tcp-proxy-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One client connection and its connection to the target. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        /** What the client sent lately, so a marker split over two reads is still seen. */
        private final StringBuilder recent = new StringBuilder();
        private volatile boolean markerSent;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pumpToServer() {
            byte[] buffer = new byte[65536];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    watch(buffer, read);
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                close();
            }
        }

        void pumpToClient() {
            byte[] buffer = new byte[65536];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    // PostgreSQL's CommandComplete for the commit: the transaction is committed, and its answer is dropped
                    if (markerSent && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains("COMMIT\0")) {
                        dropped.incrementAndGet();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                close();
            }
        }

        private void watch(byte[] buffer, int read) {
            String marker = commitMarker.get();
            if (marker == null) {
                return;
            }
            recent.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            if (recent.indexOf(marker) >= 0 && commitMarker.compareAndSet(marker, null)) {
                markerSent = true;
            }
            recent.delete(0, Math.max(0, recent.length() - marker.length()));
        }

        private void close() {
            closeQuietly(client);
            closeQuietly(server);
            open.remove(client);
            open.remove(server);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
