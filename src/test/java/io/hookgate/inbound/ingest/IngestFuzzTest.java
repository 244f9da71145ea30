package io.hookgate.inbound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.inbound.InboundApi;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 2,000 hostile requests over raw sockets (so nothing client-side cleans them up): forged, truncated and malformed
 * signatures, bodies cut short, non-ASCII and control bytes in headers, huge headers, odd methods and paths. None
 * may answer 5xx, and none may produce anything: a marker request afterwards must be the source's only record.
 */
@QuarkusTest
class IngestFuzzTest {

    private static final int REQUESTS = 2000;
    private static final String REPO = "octo-org/Hello-World";

    @TestHTTPResource("/")
    URL server;

    @Test
    void twoThousandHostileRequestsGetNo5xxAndProduceNothing() throws Exception {
        Api.Tenant tenant = Api.tenant("*");
        InboundApi.Source source = InboundApi.create(tenant, "github");
        String room = ChatEvents.channel();
        InboundApi.route(tenant, source, REPO, room, List.of("*"));
        byte[] valid = Ingest.fixture("github/push.json");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            byte[] request = hostile(random, source, valid);
            int status = send(request);
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as("request %d (seed %d): %s", i, seed, preview(request)).isBetween(200, 499);
        }

        String marker = Ingest.post(source.path(), Ingest.github(source.secret(), "push",
                UUID.randomUUID().toString(), valid), valid).statusCode(202).extract().path("id");
        assertThat(Ingest.until("inbound.events", source.id(), "id", marker))
                .as("statuses %s", statuses).extracting(r -> r.path("id").asText()).containsExactly(marker);
        assertThat(Ingest.until("chat.notifications", room, "source_id", source.id())).hasSize(1);
        assertThat(statuses.keySet()).as("seed %d", seed).doesNotContain(202);
    }

    private static byte[] hostile(Random random, InboundApi.Source source, byte[] valid) {
        byte[] body = body(random, valid);
        String path = random.nextInt(20) == 0 ? "/v1/inbound/" + UUID.randomUUID()
                : random.nextInt(30) == 0 ? source.path() + "/x" : source.path();
        String method = random.nextInt(25) == 0 ? "PUT" : "POST";
        List<byte[]> headers = new ArrayList<>();
        headers.add(ascii("X-GitHub-Event: " + (random.nextBoolean() ? "push" : noise(random, 1 + random.nextInt(300)))));
        headers.add(ascii("X-GitHub-Delivery: " + UUID.randomUUID()));
        String realSignature = "sha256=" + Ingest.hmacHex("HmacSHA256", source.secret(), valid);
        String signature = switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> realSignature.substring(0, random.nextInt(realSignature.length()));
            case 3 -> "sha256=" + Ingest.hmacHex("HmacSHA256", "not-the-secret-0123456789ab", body);
            case 4 -> "sha1=" + realSignature.substring(7);
            case 5 -> realSignature.toUpperCase(java.util.Locale.ROOT).replace("SHA256=", "sha256=") + "00";
            default -> noise(random, random.nextInt(200));
        };
        if (signature != null) {
            headers.add(ascii("X-Hub-Signature-256: " + signature));
        }
        if (random.nextInt(10) == 0) {
            headers.add(ascii("X-Hub-Signature-256: " + realSignature + "x"));
        }
        if (random.nextInt(15) == 0) {
            headers.add(ascii("X-Huge: " + "h".repeat(20_000 + random.nextInt(20_000))));
        }
        if (random.nextInt(10) == 0) {
            byte[] raw = new byte[1 + random.nextInt(64)];
            random.nextBytes(raw);
            for (int i = 0; i < raw.length; i++) {
                // CR and LF would end the header; everything else, including NUL and 0x80-0xff, goes in
                raw[i] = raw[i] == '\r' || raw[i] == '\n' ? (byte) 'x' : raw[i];
            }
            headers.add(concat(ascii("X-GitHub-Event: "), raw));
        }
        return request(method, path, headers, body);
    }

    private static byte[] body(Random random, byte[] valid) {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 2 -> {
                byte[] b = new byte[random.nextInt(4096)];
                random.nextBytes(b);
                yield b;
            }
            case 3 -> ("{\"a\":" + "[".repeat(random.nextInt(200)) + "}").getBytes(StandardCharsets.UTF_8);
            default -> valid;
        };
    }

    private static byte[] request(String method, String path, List<byte[]> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(method + " " + path + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"));
        for (byte[] header : headers) {
            out.writeBytes(header);
            out.writeBytes(ascii("\r\n"));
        }
        out.writeBytes(ascii("\r\n"));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private int send(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(15_000);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException closedEarly) {
                // refused mid-way (e.g. huge headers): the status line may still be readable
            }
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            // a connection closed without any answer counts as a client error, never as a success
            return parts.length < 2 ? 400 : Integer.parseInt(parts[1]);
        }
    }

    private static String noise(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return s.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String preview(byte[] request) {
        String s = new String(request, StandardCharsets.ISO_8859_1);
        return s.substring(0, Math.min(300, s.length()));
    }
}
