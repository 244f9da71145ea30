package io.hookgate.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Samples a gateway child process every 500 ms from /proc: resident memory (VmRSS), open socket descriptors and
 * threads, keeping the maxima since the last reset.
 */
final class ProcessSampler implements AutoCloseable {

    private final long pid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong maxRssKib = new AtomicLong();
    private final AtomicLong maxSockets = new AtomicLong();
    private final AtomicLong maxThreads = new AtomicLong();

    private ProcessSampler(long pid) {
        this.pid = pid;
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** The only gateway this test JVM started (a child running quarkus-run.jar). */
    static ProcessSampler ofGatewayChild() {
        long pid = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no gateway child process"));
        return new ProcessSampler(pid);
    }

    long pid() {
        return pid;
    }

    private void sample() {
        maxRssKib.accumulateAndGet(rssKib(), Math::max);
        maxSockets.accumulateAndGet(sockets(), Math::max);
        maxThreads.accumulateAndGet(status("Threads:"), Math::max);
    }

    long rssKib() {
        return status("VmRSS:");
    }

    private long status(String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith(field)).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    long sockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Returns {maxRssMiB, maxSockets, maxThreads} since the last call and starts a new window. */
    long[] takeMaxima() {
        sample();
        return new long[] {maxRssKib.getAndSet(0) / 1024, maxSockets.getAndSet(0), maxThreads.getAndSet(0)};
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
