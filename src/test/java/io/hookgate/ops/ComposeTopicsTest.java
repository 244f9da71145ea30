package io.hookgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker-compose.yml creates every topic k8s/kafka-topics declares, with the same partitions, retention and
 * record size limit (the broker's 1 MiB where a manifest sets none). Compose's app runs in the prod profile, which
 * creates no topics, and its topics service had only four of the six: found by a README walk.
 */
class ComposeTopicsTest {

    private static final Pattern CREATE = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+) (\\d+) (\\d+)\\s*$");
    private static final String BROKER_DEFAULT_MAX_BYTES = "1048576";

    @Test
    void composeCreatesEveryManifestTopicAlike() throws IOException {
        Map<String, String> compose = new TreeMap<>();
        Matcher m = CREATE.matcher(Files.readString(Path.of("deploy/docker-compose.yml")));
        while (m.find()) {
            compose.put(m.group(1), m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        Map<String, String> manifests = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("k8s/kafka-topics"))) {
            for (Path f : files.filter(p -> !p.endsWith("kustomization.yaml")).toList()) {
                String y = Files.readString(f);
                manifests.put(value(y, "topicName"), value(y, "partitions") + " " + value(y, "retention.ms") + " "
                        + (y.contains("max.message.bytes") ? value(y, "max.message.bytes") : BROKER_DEFAULT_MAX_BYTES));
            }
        }
        assertThat(manifests).hasSize(6);
        assertThat(compose).isEqualTo(manifests);
    }

    private static String value(String yaml, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + ":\\s*(\\S+)\\s*$").matcher(yaml);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }
}
