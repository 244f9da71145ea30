package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hookgate.pull.wake.LocalWakeups;
import io.hookgate.support.Api;
import io.hookgate.support.ChatEvents;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Streams are served by {@code StreamRoute} below the REST layer (what a client sees is {@link PullStreamTest}'s);
 * an idle stream must keep no REST request context, and a closed one must forget its waiter at once.
 */
@QuarkusTest
class StreamRouteTest {

    private static final String CURSOR = "00000000000000000000000000000001";

    @Inject
    LocalWakeups wakeups;

    @Test
    void anIdleStreamKeepsNoRestRequestContextAndAClosedOneForgetsItsWaiter() throws Exception {
        String room = ChatEvents.channel();
        Api.Tenant tenant = Api.tenant(room);
        Api.Subscription sub = PullApi.pull(tenant, List.of(room), null);
        int open = 200;
        Map<String, Long> idle = LiveObjects.count();
        int before = wakeups.size();
        List<Socket> streams = new ArrayList<>();
        try {
            for (int i = 0; i < open; i++) {
                streams.add(PullApi.holdStream(tenant, sub.id(), CURSOR));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.size() >= before + open);
            Map<String, Long> streaming = LiveObjects.count();

            long restContexts = LiveObjects.grown(idle, streaming, LiveObjects.REST_CONTEXT);
            long requests = LiveObjects.grownExactly(idle, streaming, LiveObjects.HTTP_REQUEST);
            Log.infof("%d idle streams: %d more HTTP requests, %d more REST request contexts live", open, requests,
                    restContexts);
            assertThat(requests).as("the streams are open on the server").isGreaterThanOrEqualTo(open);
            assertThat(restContexts).as("REST request contexts of idle streams").isLessThan(open / 10);
        } finally {
            for (Socket stream : streams) {
                stream.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> wakeups.size() <= before);
    }
}
