package io.hookgate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** One packaged gateway instance (prod profile) launched as a child process with bench settings. */
public final class Gateway extends ChildProcess {

    // random per bench run: the packaged jar refuses keys published in the repository; the instances of a run
    // share one database, so they share these
    public static final String ADMIN_KEY = "bench-" + HexFormat.of().formatHex(randomBytes(24));
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(randomBytes(32));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final int managementPort;
    private long readyNanos = -1;

    private Gateway(List<String> command, Map<String, String> env, Path log, int port, int managementPort)
            throws IOException {
        super(command, env, log);
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Topic and group names for one session; every instance of the session shares them. */
    public record Topics(String events, String eventsDlq, String deliveriesDlq, String operations, String group) {
        public static Topics forSession(String session) {
            return new Topics("bench." + session + ".events", "bench." + session + ".events.dlq",
                    "bench." + session + ".deliveries.dlq", "bench." + session + ".operations",
                    "hookgate-bench-" + session);
        }
    }

    public static Gateway launch(Path jar, List<String> jvmOptions, int cpuMillis, Map<String, String> infraEnv,
            Topics topics, Path log) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        Map<String, String> env = new HashMap<>(infraEnv);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("HOOKGATE_ADMIN_API_KEY", ADMIN_KEY);
        env.put("HOOKGATE_SECRETS_MASTER_KEY", MASTER_KEY);
        env.put("HOOKGATE_EGRESS_ALLOW_HTTP", "true");
        env.put("HOOKGATE_EGRESS_ALLOW_CIDRS", "127.0.0.0/8");
        env.put("HOOKGATE_TOPICS_CREATE_ON_START", "true");
        env.put("HOOKGATE_TOPICS_EVENTS", topics.events());
        env.put("HOOKGATE_TOPICS_EVENTS_DLQ", topics.eventsDlq());
        env.put("HOOKGATE_TOPICS_DELIVERIES_DLQ", topics.deliveriesDlq());
        env.put("HOOKGATE_TOPICS_OPERATIONS", topics.operations());
        env.put("HOOKGATE_INTAKE_GROUP_ID", topics.group());
        // the retention phase's purge starts right after its rows are inserted; nothing else is ever old enough
        env.put("HOOKGATE_RETENTION_INTERVAL", "2s");
        // the inbound phase measures what one gateway can verify and produce, not the per-source/per-address limits
        env.put("HOOKGATE_INBOUND_PER_SOURCE_PER_SECOND", "1000000");
        env.put("HOOKGATE_INBOUND_PER_CLIENT_PER_SECOND", "1000000");
        // the pull phase holds all its long-polls for one tenant: it measures the replica, not the tenant share
        env.put("HOOKGATE_PULL_MAX_WAITERS_PER_TENANT", "10000");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return new Gateway(CpuQuota.limit(cpuMillis, command), env, log, port, managementPort);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health and metrics are served there only. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Polls /q/health/ready every 50 ms; returns milliseconds from process start to the first 200. */
    public long awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException("gateway exited during start; see " + log());
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyNanos = System.nanoTime();
                    return (readyNanos - startNanos()) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("gateway not ready within " + timeout + "; see " + log());
    }

    /** Sum of a Prometheus counter's samples whose labels contain the filter, or -1 if unreadable. */
    public double metric(String name, String labelFilter) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(name) && line.length() > name.length() && (line.charAt(name.length()) == '{'
                        || line.charAt(name.length()) == ' ') && line.contains(labelFilter)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
