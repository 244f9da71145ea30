package io.hookgate.inbound.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hookgate.inbound.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void recordHasTheContractFieldsInOrder() throws Exception {
        Rendered rendered = new Rendered("pushed", "main", "alice pushed 3 commits to main: \"Fix login\"",
                "https://github.com/a/b/compare/x...y", "alice");
        Notification n = new Notification("n-1", "room-9", "src-1", "a/b", "push", rendered,
                Instant.parse("2026-03-02T12:00:00.123Z"));

        JsonNode json = JSON.readTree(n.toJson());

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "channel", "source_id", "repository", "event", "action", "title",
                "text", "url", "actor", "at");
        assertThat(json.get("at").asText()).isEqualTo("2026-03-02T12:00:00.123Z");
        assertThat(json.get("text").asText()).isEqualTo("alice pushed 3 commits to main: \"Fix login\"");
    }

    @Test
    void absentPartsAreJsonNulls() throws Exception {
        Rendered rendered = new Rendered("", "ping event", "ping event on a/b", null, null);
        JsonNode json = JSON.readTree(new Notification("n", "c", "s", "a/b", "ping", rendered, Instant.EPOCH).toJson());

        assertThat(json.get("action").isNull()).isTrue();
        assertThat(json.get("url").isNull()).isTrue();
        assertThat(json.get("actor").isNull()).isTrue();
    }

    @Test
    void unknownEventOfAnySourceGetsTheGenericLine() {
        for (SourceType type : SourceType.values()) {
            Rendered r = NotificationRenderer.render(type, "deployment_status", "a/b", MissingNode.getInstance());

            assertThat(r.text()).isEqualTo("deployment_status event on a/b");
            assertThat(r.title()).isEqualTo("deployment_status event");
        }
    }

    @Test
    void nullEventAndPayloadStillRender() {
        Rendered r = NotificationRenderer.render(SourceType.GITHUB, null, null, null);

        assertThat(r.text()).isEqualTo("unknown event");
    }

    @Test
    void knownEventWithAnEmptyPayloadRendersWithPlaceholders() {
        assertThat(NotificationRenderer.render(SourceType.GITHUB, "push", "a/b", MissingNode.getInstance()).text())
                .isEqualTo("someone pushed to branch (unknown)");
        assertThat(NotificationRenderer.render(SourceType.GITHUB, "issues", "a/b", MissingNode.getInstance()).text())
                .isEqualTo("someone updated an issue");
        assertThat(NotificationRenderer.render(SourceType.GITLAB, "pull_request", "a/b", MissingNode.getInstance())
                .text()).isEqualTo("someone updated a merge request");
    }

    @Test
    void longTitlesAndCommentsAreCutSoTheTextStaysWithin280() {
        String title = "T".repeat(500);
        String body = "{\"action\":\"created\",\"issue\":{\"number\":1,\"title\":\"" + title + "\"},"
                + "\"comment\":{\"body\":\"" + "B".repeat(500) + "\"},"
                + "\"sender\":{\"login\":\"" + "L".repeat(100) + "\"}}";
        Rendered r;
        try {
            r = NotificationRenderer.render(SourceType.GITHUB, "issue_comment", "a/b", JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        assertThat(r.text().length()).isLessThanOrEqualTo(280);
        assertThat(r.title()).hasSize(120).endsWith("…");
        assertThat(r.actor()).hasSize(64).endsWith("…");
        RendererFuzzTest.assertBounded(r);
    }

    @Test
    void titleMadeOnlyOfControlCharactersBecomesUntitled() throws Exception {
        JsonNode payload = JSON.readTree("{\"action\":\"opened\",\"issue\":{\"number\":3,\"title\":\"\\u0007\\u202e\"}}");

        Rendered r = NotificationRenderer.render(SourceType.GITHUB, "issues", "a/b", payload);

        assertThat(r.title()).isEqualTo("(untitled)");
        assertThat(r.text()).isEqualTo("someone opened issue #3");
    }
}
