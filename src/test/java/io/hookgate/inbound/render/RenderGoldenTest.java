package io.hookgate.inbound.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.route.EventNames;
import io.hookgate.inbound.route.Repositories;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden summaries of hand-written payloads in the real GitHub and GitLab shapes (src/test/resources/inbound):
 * event header → normalised name → repository → rendered record, as the ingest path will chain them.
 */
class RenderGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Golden(String fixture, SourceType type, String header, JsonNode expected) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static List<Golden> goldens() throws IOException {
        List<Golden> goldens = new ArrayList<>();
        for (JsonNode g : read("render-golden.json")) {
            goldens.add(new Golden(g.get("fixture").asText(), SourceType.fromWire(g.get("type").asText()).orElseThrow(),
                    g.get("header").asText(), g));
        }
        return goldens;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void fixtureRendersToItsGoldenSummary(Golden golden) throws IOException {
        JsonNode payload = read(golden.fixture());
        JsonNode expected = golden.expected();

        String event = EventNames.normalize(golden.type(), Optional.of(golden.header()), payload).orElseThrow();
        String repository = Repositories.extract(golden.type(), payload).orElseThrow();
        Rendered rendered = NotificationRenderer.render(golden.type(), event, repository, payload);

        assertThat(event).isEqualTo(expected.get("event").asText());
        assertThat(repository).isEqualTo(expected.get("repository").asText());
        assertThat(rendered).isEqualTo(new Rendered(text(expected, "action"), text(expected, "title"),
                text(expected, "text"), text(expected, "url"), text(expected, "actor")));
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asText();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = RenderGoldenTest.class.getResourceAsStream("/inbound/" + resource)) {
            return JSON.readTree(in);
        }
    }
}
