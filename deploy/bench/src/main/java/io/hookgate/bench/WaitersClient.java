package io.hookgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The pull phase's idle waiters in a JVM of their own, so the 10,000-connection client's collections and CPU are
 * not the receiver's that times push deliveries; {@code --pull-client-nice} lowers its CPU priority to stand in for
 * clients on other machines. The child holds the waiters until SIGTERM, then prints its counts as its last line.
 */
final class WaitersClient implements AutoCloseable {

    private static final String COUNTS = "waiters-client-counts ";
    // in the environment, not the command line that ps shows
    private static final String API_KEY = "HOOKGATE_BENCH_API_KEY";

    private final ChildProcess process;
    private int[] counts = {-1, -1, -1, -1};

    private WaitersClient(ChildProcess process) {
        this.process = process;
    }

    /** Starts the child and opens {@code perSubscription} waiters on each subscription. */
    static WaitersClient start(String baseUrl, String apiKey, List<String> subscriptions, int perSubscription,
            boolean streams, int staggerSeconds, int nice, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (nice != 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.addAll(List.of(ChildProcess.java(), "-Xms256m", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                WaitersClient.class.getName(), baseUrl, Boolean.toString(streams),
                Integer.toString(perSubscription), String.join(",", subscriptions), Integer.toString(staggerSeconds)));
        return new WaitersClient(new ChildProcess(command, Map.of(API_KEY, apiKey), log));
    }

    /** CPU the client used so far, in milliseconds. */
    long cpuMillis() {
        return process.cpuMillis();
    }

    /** Drops every waiter and ends the child; afterwards {@link #answered()} and the others hold its counts. */
    @Override
    public void close() throws IOException {
        process.stop(60_000);
        List<String> lines = Files.readAllLines(process.log());
        for (String line : lines) {
            if (line.startsWith(COUNTS)) {
                counts = Arrays.stream(line.substring(COUNTS.length()).trim().split(" "))
                        .mapToInt(Integer::parseInt).toArray();
            }
        }
        process.close();
    }

    int answered() {
        return counts[0];
    }

    int refused() {
        return counts[1];
    }

    long failed() {
        return counts[2];
    }

    /** The most waiters that were answered (and re-polled) within one second. */
    int peakAnswersPerSecond() {
        return counts[3];
    }

    /** Child entry point: base URL, streams, waiters per subscription, comma-separated subscription ids, stagger s. */
    public static void main(String[] args) throws Exception {
        List<String> subscriptions = List.of(args[3].split(","));
        int perSubscription = Integer.parseInt(args[2]);
        IdleLongPolls polls = new IdleLongPolls(args[0], System.getenv(API_KEY), perSubscription * subscriptions.size(),
                Boolean.parseBoolean(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // counted before closing: the calls that closing cuts off are not failures of the gateway
            String counts = COUNTS + polls.answered() + " " + polls.refused() + " " + polls.failed() + " "
                    + polls.peakAnswersPerSecond();
            try {
                polls.close();
            } catch (Exception e) {
                System.out.println("closing the waiters failed: " + e);
            }
            System.out.println(counts);
            System.out.flush();
        }));
        polls.open(subscriptions, perSubscription, Integer.parseInt(args[4]));
        Thread.sleep(Long.MAX_VALUE);
    }
}
