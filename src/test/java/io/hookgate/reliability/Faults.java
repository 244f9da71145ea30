package io.hookgate.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Outages of this run's own PostgreSQL and Kafka, located through the env file of deploy/local/infra;
 * nothing else on the machine is ever touched.
 */
public final class Faults {

    private Faults() {
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run through deploy/reliability/run");
        }
        return value;
    }

    /** pg_ctl stop -m immediate: a crash, no checkpoint, clients cut off at once. */
    public static void stopPostgresImmediately() throws Exception {
        pgCtl("-m", "immediate", "-w", "-t", "30", "stop");
    }

    public static void startPostgres() throws Exception {
        pgCtl("-l", env("HOOKGATE_LOCAL_PG_LOG"), "-w", "-t", "60", "start");
    }

    private static void pgCtl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(env("HOOKGATE_LOCAL_PG_BIN") + "/pg_ctl");
        cmd.addAll(List.of("-D", env("HOOKGATE_LOCAL_PG_DATA")));
        cmd.addAll(List.of(args));
        run(cmd, Duration.ofSeconds(90));
    }

    /** SIGKILL of the broker whose pid this run's infra recorded, after checking it is that broker. */
    public static void killKafka() throws Exception {
        ProcessHandle broker = broker();
        broker.destroyForcibly();
        broker.onExit().get(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP of this run's broker, then waits until it is stopped: its sockets stay open, nothing answers. */
    public static void pauseKafka() throws Exception {
        signalBroker("STOP", true);
    }

    /** SIGCONT of this run's broker, then waits until it runs again; harmless if it is not stopped. */
    public static void resumeKafka() throws Exception {
        signalBroker("CONT", false);
    }

    private static void signalBroker(String signal, boolean stopped) throws Exception {
        long pid = broker().pid();
        run(List.of("kill", "-" + signal, Long.toString(pid)), Duration.ofSeconds(10));
        // A group stop completes only once every thread has reached it, which takes a moment under load.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stopped(pid) != stopped) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("broker " + pid + " not " + (stopped ? "stopped" : "running") + " after SIG" + signal);
            }
            Thread.sleep(20);
        }
    }

    /** True while the process is stopped by a signal (state T in /proc/pid/stat). */
    private static boolean stopped(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The state follows the parenthesised command name, which may itself contain spaces.
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'T';
    }

    /** Starts the broker again with the infra's own command; it returns at once, the broker comes up later. */
    public static void restartKafka() throws Exception {
        run(List.of(env("HOOKGATE_LOCAL_KAFKA_CMD_FILE")), Duration.ofSeconds(30));
    }

    private static ProcessHandle broker() throws IOException {
        long pid = Long.parseLong(Files.readString(Path.of(env("HOOKGATE_LOCAL_KAFKA_PID_FILE"))).strip());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no broker " + pid));
        String state = env("HOOKGATE_LOCAL_STATE");
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        if (!cmdline.contains(state)) {
            throw new IllegalStateException("pid " + pid + " is not this run's broker: " + cmdline);
        }
        return handle;
    }

    private static void run(List<String> cmd, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + cmd);
        }
    }
}
