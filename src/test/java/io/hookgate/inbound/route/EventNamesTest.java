package io.hookgate.inbound.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hookgate.inbound.SourceType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Push Hook|push",
        "Tag Push Hook|push",
        "Issue Hook|issues",
        "Merge Request Hook|pull_request",
        "Pipeline Hook|pipeline",
        "Job Hook|job",
        "Wiki Page Hook|wiki_page",
        "Deployment Hook|deployment",
        "Release Hook|release",
        "Emoji Hook|emoji",
        "Feature Flag Hook|feature_flag",
        "Resource Access Token Hook|resource_access_token",
        "Work Item Hook|work_item",
        "Confidential Issue Hook|confidential_issue",
        "Confidential Note Hook|confidential_note",
        "System Hook|system",
        "push hook|push",
        "  MERGE REQUEST HOOK |pull_request",
        "Hook|hook",
        "!!!|unknown"})
    void gitlabEventHeaderMapsOntoGithubStyleNames(String header, String expected) {
        assertThat(EventNames.normalize(SourceType.GITLAB, Optional.of(header), MissingNode.getInstance()))
                .contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"object_attributes\":{\"noteable_type\":\"Commit\"}}|commit_comment",
        "{\"object_attributes\":{\"noteable_type\":\"Issue\"}}|issue_comment",
        "{\"object_attributes\":{\"noteable_type\":\"MergeRequest\"}}|issue_comment",
        "{\"object_attributes\":{\"noteable_type\":\"MergeRequest\",\"type\":\"DiffNote\"}}"
            + "|pull_request_review_comment",
        "{\"object_attributes\":{\"noteable_type\":\"MergeRequest\",\"position\":{\"new_line\":3}}}"
            + "|pull_request_review_comment",
        "{\"object_attributes\":{\"noteable_type\":\"MergeRequest\",\"type\":\"DiscussionNote\"}}|issue_comment",
        "{\"object_attributes\":{\"noteable_type\":\"Snippet\"}}|snippet_comment",
        "{\"object_attributes\":{\"noteable_type\":\"Epic\"}}|note",
        "{\"object_attributes\":{\"noteable_type\":42}}|note",
        "{\"object_attributes\":[]}|note",
        "[]|note"})
    void gitlabNoteHookNameDependsOnWhatTheNoteIsOn(String payload, String expected) throws Exception {
        assertThat(EventNames.normalize(SourceType.GITLAB, Optional.of("Note Hook"), JSON.readTree(payload)))
                .contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"push,push", "pull_request_review_comment,pull_request_review_comment", "ping,ping",
        "workflow_run,workflow_run", "Push,push", "security-advisory,security_advisory"})
    void githubEventHeaderIsKeptAsSent(String header, String expected) {
        assertThat(EventNames.normalize(SourceType.GITHUB, Optional.of(header), MissingNode.getInstance()))
                .contains(expected);
    }

    @Test
    void snakeNamesAreCutTo64Characters() {
        assertThat(EventNames.snake("a".repeat(100) + " Hook")).hasSize(EventNames.MAX_CHARS);
    }

    @Test
    void standardWebhooksEventIsTheBodyTypeAsSent() throws Exception {
        JsonNode body = JSON.readTree("{\"type\":\"invoice.paid\",\"data\":{}}");

        assertThat(EventNames.normalize(SourceType.STANDARD_WEBHOOKS, Optional.empty(), body)).contains("invoice.paid");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"type\":42}", "{\"type\":\"\"}", "{\"type\":\"a\\nb\"}", "{}", "\"x\""})
    void standardWebhooksBodyWithoutAUsableTypeHasNoEvent(String payload) throws Exception {
        assertThat(EventNames.normalize(SourceType.STANDARD_WEBHOOKS, Optional.empty(), JSON.readTree(payload)))
                .isEmpty();
    }

    @Test
    void hmacAndEventyayRequestsHaveNoEventName() {
        assertThat(EventNames.normalize(SourceType.HMAC, Optional.of("push"), MissingNode.getInstance())).isEmpty();
        assertThat(EventNames.normalize(SourceType.EVENTYAY, Optional.of("push"), MissingNode.getInstance())).isEmpty();
    }

    @Test
    void missingHeaderMeansNoEventName() {
        assertThat(EventNames.normalize(SourceType.GITHUB, Optional.empty(), MissingNode.getInstance())).isEmpty();
        assertThat(EventNames.normalize(SourceType.GITLAB, Optional.empty(), MissingNode.getInstance())).isEmpty();
    }
}
