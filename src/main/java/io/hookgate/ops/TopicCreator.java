package io.hookgate.ops;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In dev, test and local mode, creates missing topics before the consumer starts, sized like the production
 * manifests in k8s/kafka-topics (so a dead letter that fits there fits here); prod declares them in k8s/.
 */
@ApplicationScoped
public class TopicCreator {

    /** Largest chat.events record the manifests allow; anything larger never reaches Hookgate. */
    public static final int EVENTS_MAX_BYTES = 8 * 1024 * 1024;
    /** An 8 MiB chat.events record plus the hookgate-error* headers. */
    public static final int EVENTS_DLQ_MAX_BYTES = 9 * 1024 * 1024;
    /** A dead letter re-escapes a body of up to 1 MiB (quotes double), so it stays under 2.1 MiB. */
    public static final int DELIVERIES_DLQ_MAX_BYTES = 4 * 1024 * 1024;

    private final TopicsConfig topics;
    private final String bootstrapServers;

    public TopicCreator(TopicsConfig topics, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    // runs at boot on the main thread, before messaging starts, so a blocking admin call is fine here
    void create(@Observes @Priority(1) StartupEvent event) {
        if (!topics.createOnStart()) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Map<String, Integer> sizes = maxBytesByTopic();
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            sizes.forEach((name, maxBytes) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, topics.partitions(), (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxBytes))));
                }
            });
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                Log.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
            resize(admin, sizes, existing);
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("could not create topics (they may exist already): %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Integer> maxBytesByTopic() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put(topics.events(), EVENTS_MAX_BYTES);
        sizes.put(topics.eventsDlq(), EVENTS_DLQ_MAX_BYTES);
        sizes.put(topics.deliveriesDlq(), DELIVERIES_DLQ_MAX_BYTES);
        sizes.putIfAbsent(topics.operations(), 1024 * 1024);
        // an inbound body of up to 1 MiB may grow when escaped into the envelope (base64, escaped control characters)
        sizes.putIfAbsent(topics.inboundEvents(), EVENTS_MAX_BYTES);
        sizes.putIfAbsent(topics.notifications(), 1024 * 1024);
        return sizes;
    }

    /** Topics an earlier version created got the broker's default limit; the dead-letter topics need more. */
    private void resize(Admin admin, Map<String, Integer> sizes, Set<String> existing)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String dlq : List.of(topics.eventsDlq(), topics.deliveriesDlq())) {
            if (existing.contains(dlq)) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, dlq), List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(sizes.get(dlq))),
                        AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        }
    }
}
