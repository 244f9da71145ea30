package io.hookgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A JVM child process (gateway or ceiling) with its log file and /proc accounting. */
public class ChildProcess implements AutoCloseable {

    private static final long TICK_MILLIS = 10; // CLK_TCK is 100 on Linux x86-64 and arm64
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // whatever ends the runner (Ctrl-C, timeout, a crash), no gateway or ceiling outlives it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final Process process;
    private final long startNanos;
    private final Path log;

    public ChildProcess(List<String> command, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        this.startNanos = System.nanoTime();
        this.process = builder.start();
        LIVE.add(process);
        this.log = log;
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public long pid() {
        return process.pid();
    }

    public long startNanos() {
        return startNanos;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** user + system CPU time so far, in milliseconds (/proc/pid/stat fields 14 and 15). */
    public long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size in KiB (VmHWM), or -1. */
    public long peakRssKib() {
        return statusField("VmHWM:");
    }

    public long rssKib() {
        return statusField("VmRSS:");
    }

    private long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** SIGTERM, then SIGKILL after the grace period; always waits for the exit. */
    public void stop(long graceMillis) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(0);
        process.destroyForcibly();
        LIVE.remove(process);
    }
}
