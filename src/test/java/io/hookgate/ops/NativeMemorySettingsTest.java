package io.hookgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pod's memory settings (two malloc arenas, the native heap trimmed every 5 s: docs/BENCHMARKS.md, "Memory per
 * held long-poll"; a heap that starts at 96 MiB and no metaspace-triggered full GC at start-up: "The heap the pod
 * starts with") hold wherever the gateway is launched, so the benchmark and the tests measure what runs in production.
 */
class NativeMemorySettingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            src/main/docker/Dockerfile.jvm                                 | MALLOC_ARENA_MAX=2                 | -XX:TrimNativeHeapInterval=5000   | -Xms96m -XX:MetaspaceSize=128m
            k8s/app/deployment.yaml                                        | MALLOC_ARENA_MAX\\s+value: "2"     | -                                 | -
            deploy/local/run                                               | MALLOC_ARENA_MAX=2                 | -XX:TrimNativeHeapInterval=5000   | -Xms96m -XX:MetaspaceSize=128m
            deploy/bench/src/main/java/io/hookgate/bench/BenchOptions.java | gatewayMallocArenas = 2;           | "-XX:TrimNativeHeapInterval=5000" | "-Xms96m", "-XX:MetaspaceSize=128m"
            src/test/java/io/hookgate/support/GatewayProcess.java          | "MALLOC_ARENA_MAX", "2"            | "-XX:TrimNativeHeapInterval=5000" | "-Xms96m", "-XX:MetaspaceSize=128m"
            """)
    void everyPlaceThatLaunchesTheGatewaySetsTheSameMemorySettings(String file, String arenas, String trim,
            String heap) throws IOException {
        String text = Files.readString(Path.of(file));

        assertThat(text).containsPattern(arenas);
        // the Deployment runs the image, whose JAVA_OPTS_APPEND carries the JVM flags
        if (trim != null) {
            assertThat(text).contains(trim);
        }
        if (heap != null) {
            assertThat(text).contains(heap);
        }
    }
}
