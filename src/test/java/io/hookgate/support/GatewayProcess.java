package io.hookgate.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway as a real process (prod profile), for tests that kill and restart it. Connection
 * settings come from the environment that deploy/local/test exports. Keys are random per test JVM: the packaged
 * jar refuses keys published in the repository, and gateways of one JVM share databases across restarts.
 */
public final class GatewayProcess implements AutoCloseable {

    public static final String ADMIN_KEY = "it-" + HexFormat.of().formatHex(randomBytes(24));
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(randomBytes(32));

    private final Map<String, String> env;
    private final Path log;
    private int port;
    private int managementPort;
    private long logOffsetAtLaunch;
    private Process process;

    /**
     * A gateway configuration with its own topics and consumer group, so runs never interfere. An override mapped
     * to null removes that variable.
     */
    public GatewayProcess(String name, Map<String, String> overrides) throws IOException {
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        choosePorts();
        this.log = Path.of("target", "it-logs", suffix + ".log");
        Files.createDirectories(log.getParent());
        env = new HashMap<>();
        putPorts();
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("HOOKGATE_ADMIN_API_KEY", ADMIN_KEY);
        env.put("HOOKGATE_SECRETS_MASTER_KEY", MASTER_KEY);
        env.put("HOOKGATE_EGRESS_ALLOW_HTTP", "true");
        env.put("HOOKGATE_EGRESS_ALLOW_CIDRS", "127.0.0.0/8");
        env.put("HOOKGATE_TOPICS_CREATE_ON_START", "true");
        env.put("HOOKGATE_TOPICS_EVENTS", "chat.events." + suffix);
        env.put("HOOKGATE_TOPICS_EVENTS_DLQ", "chat.events.dlq." + suffix);
        env.put("HOOKGATE_TOPICS_DELIVERIES_DLQ", "webhook.deliveries.dlq." + suffix);
        env.put("HOOKGATE_TOPICS_OPERATIONS", "hookgate.operations." + suffix);
        env.put("HOOKGATE_TOPICS_INBOUND_EVENTS", "inbound.events." + suffix);
        env.put("HOOKGATE_TOPICS_NOTIFICATIONS", "chat.notifications." + suffix);
        env.put("HOOKGATE_INTAKE_GROUP_ID", "hookgate-" + suffix);
        env.putAll(overrides);
        // an override mapped to null unsets the variable
        env.values().removeIf(Objects::isNull);
        if (!overrides.containsKey("QUARKUS_DATASOURCE_REACTIVE_URL")) {
            env.putAll(freshDatabase("it_" + suffix.replace('-', '_')));
        }
    }

    /**
     * Creates an empty database on the test cluster and returns the settings that point a gateway at it:
     * gateways share their delivery queue through the database, so unrelated runs must not share one.
     */
    public static Map<String, String> freshDatabase(String name) {
        String jdbc = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String user = System.getenv("QUARKUS_DATASOURCE_USERNAME");
        String password = System.getenv("QUARKUS_DATASOURCE_PASSWORD");
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            db.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        String base = jdbc.substring(0, jdbc.lastIndexOf('/') + 1);
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", base + name,
                "QUARKUS_DATASOURCE_REACTIVE_URL", base.replace("jdbc:", "") + name);
    }

    /** The database settings of this gateway, to start a second replica on the same queue. */
    public Map<String, String> databaseEnv() {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                "QUARKUS_DATASOURCE_REACTIVE_URL", env.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
    }

    /** Changes one setting for the next {@link #start()}; {@code null} removes it. */
    public void env(String key, String value) {
        if (value == null) {
            env.remove(key);
        } else {
            env.put(key, value);
        }
    }

    public String topic(String key) {
        return env.get(key);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health and metrics. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The process's output (stdout and stderr), appended across restarts. */
    public Path log() {
        return log;
    }

    /** Starts the process and waits until it exits by itself; for gateways that must refuse to start. */
    public int startExpectingExit(Duration timeout) throws Exception {
        launch();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("gateway still running after " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /**
     * Starts the process and waits until it is ready. A port chosen here can be taken by another socket before the
     * gateway binds it; that start is retried on fresh ports, any other early exit fails with the log's tail.
     */
    public void start() throws Exception {
        for (int attempt = 1; ; attempt++) {
            launch();
            try {
                awaitReady(Duration.ofSeconds(60));
                return;
            } catch (IllegalStateException e) {
                String output = outputSinceLaunch();
                if (process.isAlive() || !lostItsPort(output) || attempt == 3) {
                    throw new IllegalStateException(e.getMessage() + "; last lines:\n" + tail(output, 40), e);
                }
                choosePorts();
                putPorts();
            }
        }
    }

    // Quarkus's words for a port taken between our check and its bind
    private static boolean lostItsPort(String output) {
        return output.contains("Port already bound") || output.contains("seems to be in use by another process")
                || output.contains("Address already in use");
    }

    private void choosePorts() throws IOException {
        port = freePort();
        int management = freePort();
        while (management == port) {
            management = freePort();
        }
        managementPort = management;
    }

    private void putPorts() {
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    }

    private String outputSinceLaunch() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logOffsetAtLaunch, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private void launch() throws IOException {
        logOffsetAtLaunch = Files.exists(log) ? Files.size(log) : 0;
        File jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toFile();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xms96m", "-XX:MetaspaceSize=128m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000",
                "-jar", jar.getAbsolutePath());
        // the pod's JVM and malloc settings (k8s/app/deployment.yaml)
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
    }

    /** SIGKILL: no shutdown hook runs, exactly like a crashed pod. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the graceful path. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gateway not ready within " + timeout + "; see " + log);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
