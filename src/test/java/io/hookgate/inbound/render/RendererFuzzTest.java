package io.hookgate.inbound.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookgate.inbound.SourceType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Renderers never throw and always stay within bounds, whatever the payload: random JSON trees over the field
 * names the renderers read, and real-shaped fixtures with one random subtree replaced. The per-source renderers
 * are called directly, past {@link NotificationRenderer}'s safety net, so a throw fails the property.
 */
class RendererFuzzTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENTS = List.of("push", "issues", "issue_comment", "commit_comment",
            "pull_request", "pull_request_review_comment", "pipeline", "ping", "");
    private static final List<String> KEYS = List.of("action", "issue", "number", "title", "pull_request", "merged",
            "comment", "body", "commits", "head_commit", "message", "ref", "sender", "login", "pusher", "name",
            "object_attributes", "iid", "noteable_type", "note", "user", "username", "user_username", "user_name",
            "total_commits_count", "checkout_sha", "after", "before", "project", "path_with_namespace", "repository",
            "full_name", "html_url", "url", "web_url", "compare", "created", "deleted", "forced", "commit", "id",
            "commit_id", "merge_request", "snippet", "path", "type", "position", "status");
    private static final List<String> FIXTURES = List.of("github/push.json", "github/issues-opened.json",
            "github/issue_comment-pull_request.json", "github/commit_comment.json", "github/pull_request-merged.json",
            "github/pull_request_review_comment.json", "gitlab/push.json", "gitlab/issue.json",
            "gitlab/note-merge_request.json", "gitlab/note-commit.json", "gitlab/merge_request-open.json");

    @Property(tries = 1500)
    void randomTreeRendersWithinBounds(@ForAll("trees") JsonNode payload, @ForAll("events") String event) {
        assertRendersWithinBounds(event, payload);
    }

    @Property(tries = 1500)
    void fixtureWithOneSubtreeReplacedRendersWithinBounds(@ForAll("fixtures") JsonNode fixture,
            @ForAll("trees") JsonNode replacement, @ForAll int pick, @ForAll("events") String event) {
        JsonNode mutated = fixture.deepCopy();
        replaceOne(mutated, replacement, Math.floorMod(pick, 1 + count(mutated)));

        assertRendersWithinBounds(event, mutated);
    }

    private static void assertRendersWithinBounds(String event, JsonNode payload) {
        Optional<Rendered> github = GithubRenderer.render(event, payload);
        Optional<Rendered> gitlab = GitlabRenderer.render(event, payload);
        Rendered generic = GenericRenderer.render(event, "a/b", payload);
        for (Rendered r : List.of(github.orElse(generic), gitlab.orElse(generic), generic)) {
            assertBounded(r);
            Notification n = new Notification("n-1", "room", "src", "a/b", event, r, Instant.EPOCH);
            assertThat(parse(n.toJson()).get("text").asText()).isEqualTo(r.text());
        }
        assertThat(NotificationRenderer.render(SourceType.GITHUB, event, "a/b", payload)).isNotNull();
    }

    static void assertBounded(Rendered r) {
        assertThat(r.text().codePointCount(0, r.text().length())).isLessThanOrEqualTo(Clean.TEXT_CHARS);
        assertThat(r.title().codePointCount(0, r.title().length())).isLessThanOrEqualTo(Clean.TITLE_CHARS);
        assertThat(r.title()).isNotEmpty();
        for (String s : new String[] {r.text(), r.title(), r.action(), r.actor(), r.url()}) {
            if (s != null) {
                assertThat(s).doesNotContain("\n", "\r", "\u202e", "\u2066").isEqualTo(s.strip());
                assertThat(s.chars().noneMatch(Character::isISOControl)).as("controls in %s", s).isTrue();
                assertThat(wellFormed(s)).as("surrogates in %s", s).isTrue();
            }
        }
        assertThat(r.url()).satisfiesAnyOf(u -> assertThat(u).isNull(),
                u -> assertThat(u).matches("(?i)https?://\\S+"));
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))) {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<String> events() {
        return Arbitraries.oneOf(Arbitraries.of(EVENTS), Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<JsonNode> fixtures() {
        return Arbitraries.of(FIXTURES).map(RendererFuzzTest::fixture);
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return node(4);
    }

    private static Arbitrary<JsonNode> node(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> node(depth - 1));
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<JsonNode> object = Arbitraries.maps(keys, child).ofMaxSize(6).map(RendererFuzzTest::object);
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(RendererFuzzTest::array);
        return Arbitraries.frequencyOf(Tuple.of(3, leaf()), Tuple.of(3, object), Tuple.of(1, array));
    }

    private static Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(NODES::textNode),
                Arbitraries.strings().withChars("\u0000\u0007\n\r\t \u202e\u2066\ud800\udc00\u0085\u2028é👋")
                        .ofMaxLength(40).map(NODES::textNode),
                Arbitraries.of("refs/heads/main", "refs/tags/v1", "0000000000000000000000000000000000000000",
                        "https://example.org/x", "javascript:alert(1)", "MergeRequest", "Commit", "Issue", "closed",
                        "DiffNote", "x".repeat(5000)).map(NODES::textNode),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(NODES::numberNode),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode node = NODES.objectNode();
        fields.forEach(node::set);
        return node;
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode node = NODES.arrayNode();
        items.forEach(node::add);
        return node;
    }

    /** Number of container slots (object fields and array items) in the tree. */
    private static int count(JsonNode node) {
        int n = 0;
        for (JsonNode child : node) {
            n += 1 + count(child);
        }
        return n;
    }

    /** Replaces the {@code index}-th slot in depth-first order; index 0 leaves the root alone. */
    private static int replaceOne(JsonNode node, JsonNode replacement, int index) {
        int seen = 0;
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (++seen == index) {
                    object.set(name, replacement);
                    return seen;
                }
                seen += replaceOne(object.get(name), replacement, index - seen);
                if (seen >= index) {
                    return seen;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (++seen == index) {
                    array.set(i, replacement);
                    return seen;
                }
                seen += replaceOne(array.get(i), replacement, index - seen);
                if (seen >= index) {
                    return seen;
                }
            }
        }
        return seen;
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = RendererFuzzTest.class.getResourceAsStream("/inbound/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
