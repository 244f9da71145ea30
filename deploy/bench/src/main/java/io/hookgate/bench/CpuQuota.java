package io.hookgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod's CPU limit for a gateway on this machine ({@code --gateway-cpu-millis}): a cgroup with a CFS quota of
 * that many millicores per 100 ms period, entered by the launching shell before it execs the JVM, and
 * {@code -XX:ActiveProcessorCount} as the JVM in the pod derives it from the limit. Needs root; cgroup v1 or v2.
 */
final class CpuQuota {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String NAME = "hookgate-bench";
    private static final int PERIOD_US = 100_000;

    private CpuQuota() {
    }

    /** The command, run inside a cgroup limited to {@code millis} millicores; unchanged when {@code millis} is 0. */
    static List<String> limit(int millis, List<String> command) throws IOException {
        if (millis <= 0) {
            return command;
        }
        Path procs = prepare(millis * (PERIOD_US / 1000));
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "echo $$ > '" + procs + "' && exec \"$0\" \"$@\""));
        wrapped.add(command.get(0));
        // the JVM in a pod sees its limit as ceil(limit) processors; started here it would see the machine's
        wrapped.add("-XX:ActiveProcessorCount=" + Math.max(1, (millis + 999) / 1000));
        wrapped.addAll(command.subList(1, command.size()));
        return wrapped;
    }

    /** Removes the (by then empty) cgroup; best effort, a gateway still in it keeps it. */
    static void release() {
        try {
            Files.deleteIfExists(ROOT.resolve(NAME));
            Files.deleteIfExists(ROOT.resolve("cpu").resolve(NAME));
        } catch (IOException e) {
            BenchRunner.log("could not remove the cgroup %s: %s", NAME, e);
        }
    }

    private static Path prepare(int quotaUs) throws IOException {
        try {
            if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
                Path group = Files.createDirectories(ROOT.resolve(NAME));
                if (!Files.exists(group.resolve("cpu.max"))) {
                    Files.writeString(ROOT.resolve("cgroup.subtree_control"), "+cpu");
                }
                Files.writeString(group.resolve("cpu.max"), quotaUs + " " + PERIOD_US);
                return group.resolve("cgroup.procs");
            }
            Path group = Files.createDirectories(ROOT.resolve("cpu").resolve(NAME));
            Files.writeString(group.resolve("cpu.cfs_period_us"), Integer.toString(PERIOD_US));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), Integer.toString(quotaUs));
            return group.resolve("cgroup.procs");
        } catch (IOException e) {
            throw new IOException("--gateway-cpu-millis needs a writable cgroup cpu controller (root): " + e, e);
        }
    }
}
