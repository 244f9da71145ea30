package io.hookgate.inbound.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookgate.inbound.SourceType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void githubRepositoryIsFullName() throws Exception {
        assertThat(Repositories.extract(SourceType.GITHUB,
                JSON.readTree("{\"repository\":{\"full_name\":\"octo-org/Hello-World\",\"name\":\"x\"}}")))
                .contains("octo-org/Hello-World");
    }

    @Test
    void gitlabRepositoryIsPathWithNamespaceIncludingSubgroups() throws Exception {
        assertThat(Repositories.extract(SourceType.GITLAB,
                JSON.readTree("{\"project\":{\"path_with_namespace\":\"group/sub.group/my_project\"}}")))
                .contains("group/sub.group/my_project");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"repository\":null}", "{\"repository\":{\"full_name\":42}}",
        "{\"repository\":{\"full_name\":\"no-slash\"}}", "{\"repository\":{\"full_name\":\"a/b c\"}}",
        "{\"repository\":{\"full_name\":\"a//b\"}}", "{\"repository\":{\"full_name\":\"/a/b\"}}", "[1,2]"})
    void payloadWithoutAUsableRepositoryHasNone(String payload) throws Exception {
        assertThat(Repositories.extract(SourceType.GITHUB, JSON.readTree(payload))).isEmpty();
    }

    @Test
    void otherSourceTypesHaveNoRepository() throws Exception {
        assertThat(Repositories.extract(SourceType.HMAC,
                JSON.readTree("{\"repository\":{\"full_name\":\"a/b\"}}"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "octo-org/Hello-World", "group/sub/project", "a.b/c_d-e"})
    void validRepositoryNames(String name) {
        assertThat(Repositories.valid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a/", "/a", "a/b/", "a//b", "a/b c", "a/b\n", "ä/b", "a/b?x"})
    void invalidRepositoryNames(String name) {
        assertThat(Repositories.valid(name)).isFalse();
    }

    @Test
    void repositoryNamesLongerThan255AreInvalid() {
        assertThat(Repositories.valid("a/" + "b".repeat(253))).isTrue();
        assertThat(Repositories.valid("a/" + "b".repeat(254))).isFalse();
    }

    @Test
    void defaultRouteTakesTheSixRepositoryEventsOnly() {
        List<Route> routes = List.of(route("r1", "octo-org/hello-world", "room-1", null));

        for (String event : List.of("push", "issues", "issue_comment", "commit_comment", "pull_request",
                "pull_request_review_comment")) {
            assertThat(channels(routes, "octo-org/Hello-World", event)).containsExactly("room-1");
        }
        for (String event : List.of("ping", "pipeline", "release", "confidential_issue", "star")) {
            assertThat(channels(routes, "octo-org/Hello-World", event)).isEmpty();
        }
    }

    @Test
    void starRouteTakesEveryEvent() {
        List<Route> routes = List.of(route("r1", "a/b", "room-1", "*"));

        assertThat(channels(routes, "a/b", "pipeline")).containsExactly("room-1");
        assertThat(channels(routes, "a/b", "confidential_note")).containsExactly("room-1");
    }

    @Test
    void explicitEventsReplaceTheDefaults() {
        List<Route> routes = List.of(route("r1", "a/b", "room-1", "release,pipeline"));

        assertThat(channels(routes, "a/b", "release")).containsExactly("room-1");
        assertThat(channels(routes, "a/b", "push")).isEmpty();
    }

    @Test
    void tenantDefaultsApplyToRoutesWithoutEvents() {
        List<Route> routes = List.of(route("r1", "a/b", "room-1", null));
        EventFilter tenantDefaults = new EventFilter.Only(java.util.Set.of("release"));

        assertThat(RouteMatcher.channels(routes, tenantDefaults, "a/b", "release")).containsExactly("room-1");
        assertThat(RouteMatcher.channels(routes, tenantDefaults, "a/b", "push")).isEmpty();
    }

    @Test
    void repositoryMatchIgnoresCaseAndNeedsTheWholeName() {
        List<Route> routes = List.of(route("r1", "Octo-Org/Hello-World", "room-1", null),
                route("r2", "octo-org/hello", "room-2", null), route("r3", "octo-org/hello-world-2", "room-3", null));

        assertThat(channels(routes, "octo-org/HELLO-WORLD", "push")).containsExactly("room-1");
    }

    @Test
    void eachChannelGetsOneNotificationInRouteOrder() {
        List<Route> routes = List.of(route("r1", "a/b", "room-2", null), route("r2", "a/b", "room-1", "*"),
                route("r3", "a/b", "room-2", "push"), route("r4", "c/d", "room-3", "*"));

        assertThat(channels(routes, "a/b", "push")).containsExactly("room-2", "room-1");
    }

    @Test
    void eventWithoutRepositoryOrNameMatchesNothing() {
        List<Route> routes = List.of(route("r1", "a/b", "room-1", "*"));

        assertThat(RouteMatcher.channels(routes, EventFilter.DEFAULTS, null, "push")).isEmpty();
        assertThat(RouteMatcher.channels(routes, EventFilter.DEFAULTS, "a/b", null)).isEmpty();
    }

    @Test
    void eventsListParsing() {
        assertThat(EventFilters.parse(List.of("*"))).isEqualTo(new EventFilters.Parsed.Valid(new EventFilter.All()));
        assertThat(EventFilters.parse(List.of("push", "push", "release")))
                .isEqualTo(new EventFilters.Parsed.Valid(new EventFilter.Only(java.util.Set.of("push", "release"))));
        assertThat(EventFilters.parse(List.of("invoice.paid", "x-y"))).isInstanceOf(EventFilters.Parsed.Valid.class);
        for (List<String> bad : List.of(List.<String>of(), List.of("*", "push"), List.of("Push"), List.of(""),
                List.of("a b"), List.of("x".repeat(65)), Arrays.asList("push", null),
                java.util.Collections.nCopies(EventFilters.MAX_NAMES + 1, "push"))) {
            assertThat(EventFilters.parse(bad)).as("%s", bad).isInstanceOf(EventFilters.Parsed.Invalid.class);
        }
        assertThat(EventFilters.parse(null)).isInstanceOf(EventFilters.Parsed.Invalid.class);
    }

    @Test
    void filterIsShownAsStarOrSortedNames() {
        assertThat(EventFilters.wire(new EventFilter.All())).containsExactly("*");
        assertThat(EventFilters.wire(EventFilter.DEFAULTS)).containsExactly("commit_comment", "issue_comment", "issues",
                "pull_request", "pull_request_review_comment", "push");
    }

    private static List<String> channels(List<Route> routes, String repository, String event) {
        return RouteMatcher.channels(routes, EventFilter.DEFAULTS, repository, event);
    }

    private static Route route(String id, String repository, String channel, String events) {
        Optional<EventFilter> filter = events == null ? Optional.empty()
                : Optional.of(((EventFilters.Parsed.Valid) EventFilters.parse(List.of(events.split(",")))).filter());
        return new Route(id, repository, channel, filter);
    }
}
