package io.hookgate.ops;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** In dev, test and local mode, creates missing topics before the consumer starts; prod declares them in k8s/. */
@ApplicationScoped
public class TopicCreator {

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
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(topics.events(), topics.eventsDlq(), topics.deliveriesDlq(),
                            topics.operations()).stream().distinct()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, topics.partitions(), (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                Log.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("could not create topics (they may exist already): %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
