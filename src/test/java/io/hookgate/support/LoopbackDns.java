package io.hookgate.support;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny authoritative DNS server on loopback UDP for tests of a real resolver: A records for mapped names,
 * NXDOMAIN for unknown ones, and no answer at all for black-holed ones. Counts the queries per name.
 */
public final class LoopbackDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final Set<String> blackHoled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();

    public LoopbackDns() throws Exception {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread reader = new Thread(this::serve, "loopback-dns");
        reader.setDaemon(true);
        reader.start();
    }

    public LoopbackDns map(String name, String ipv4) throws Exception {
        answers.put(name, InetAddress.getByName(ipv4).getAddress());
        return this;
    }

    public LoopbackDns blackHole(String name) {
        blackHoled.add(name);
        return this;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** Queries received for this name (any record type). */
    public int queries(String name) {
        AtomicInteger n = queries.get(name);
        return n == null ? 0 : n.get();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] reply = reply(packet.getData(), packet.getLength());
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (Exception e) {
                return;
            }
        }
    }

    private byte[] reply(byte[] q, int length) {
        StringBuilder name = new StringBuilder();
        int i = 12;
        while (i < length && q[i] != 0) {
            name.append(name.length() == 0 ? "" : ".").append(new String(q, i + 1, q[i], StandardCharsets.US_ASCII));
            i += q[i] + 1;
        }
        int questionEnd = i + 5;
        String host = name.toString().toLowerCase();
        int type = ((q[i + 1] & 0xff) << 8) | (q[i + 2] & 0xff);
        queries.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        if (blackHoled.contains(host)) {
            return null;
        }
        byte[] address = answers.get(host);
        boolean answer = address != null && type == 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        out.write(0x81);
        out.write(address == null ? 0x83 : 0x80); // NXDOMAIN for unknown names
        out.writeBytes(new byte[] {0, 1, 0, (byte) (answer ? 1 : 0), 0, 0, 0, 0});
        out.write(q, 12, questionEnd - 12);
        if (answer) {
            // name pointer to the question, type A, class IN, TTL 60 s, 4 bytes of address
            out.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4});
            out.writeBytes(address);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        socket.close();
    }
}
