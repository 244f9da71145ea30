package io.hookgate.inbound.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookgate.inbound.verify.RejectReason;
import io.hookgate.api.Problem;
import io.hookgate.api.ProblemResponses;

/**
 * One answer of the ingest endpoint: status, body, media type and the {@code result} label it is counted under.
 *
 * @param type the source type label ({@link InboundMetrics#UNKNOWN_TYPE} before the source is known)
 */
public record IngestAnswer(int status, String result, String type, String contentType, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static IngestAnswer accepted(String type, String id) {
        return json(IngestOutcome.ACCEPTED, type, JSON.createObjectNode().put("id", id));
    }

    static IngestAnswer duplicate(String type, String id) {
        return json(IngestOutcome.DUPLICATE, type, JSON.createObjectNode().put("id", id).put("duplicate", true));
    }

    static IngestAnswer challenge(String type, String token) {
        return json(IngestOutcome.CHALLENGE, type, JSON.createObjectNode().put("challenge", token));
    }

    static IngestAnswer problem(IngestOutcome outcome, String type, String detail) {
        return problem(outcome.status(), outcome.label(), type, detail);
    }

    static IngestAnswer rejected(RejectReason reason, String type) {
        String detail = reason.status() == 401 ? "the request's signature or token is missing or wrong"
                : "the request's event or delivery id header is not 1-200 printable ASCII characters";
        return problem(reason.status(), reason.label(), type, detail);
    }

    private static IngestAnswer problem(int status, String result, String type, String detail) {
        return new IngestAnswer(status, result, type, Problem.MEDIA_TYPE,
                ProblemResponses.bytes(ProblemResponses.problem(status, detail)));
    }

    private static IngestAnswer json(IngestOutcome outcome, String type, ObjectNode body) {
        try {
            return new IngestAnswer(outcome.status(), outcome.label(), type, "application/json",
                    JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a small JSON object always serialises", e);
        }
    }
}
