package io.hookgate.inbound.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hookgate.inbound.SourceType;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Renders the human part of a {@code chat.notifications} record from a verified payload.
 *
 * <p>GitHub and GitLab events with a dedicated renderer ({@code push}, {@code issues}, {@code issue_comment},
 * {@code commit_comment}, {@code pull_request}, {@code pull_request_review_comment}) get their summary; any other
 * event that a route matched gets the generic line. Never throws: a notification is never worth failing a request
 * that was already verified and recorded.
 */
public final class NotificationRenderer {

    private static final Logger LOG = Logger.getLogger(NotificationRenderer.class);

    private NotificationRenderer() {
    }

    /**
     * @param type the source's type
     * @param event the normalised event name
     * @param repository the repository the payload is about, or null
     * @param payload the parsed body; a missing node when it is not JSON
     */
    public static Rendered render(SourceType type, String event, String repository, JsonNode payload) {
        JsonNode p = payload == null ? MissingNode.getInstance() : payload;
        String name = event == null ? "unknown" : event;
        try {
            Optional<Rendered> specific = switch (type) {
                case GITHUB -> GithubRenderer.render(name, p);
                case GITLAB -> GitlabRenderer.render(name, p);
                default -> Optional.empty();
            };
            return specific.orElseGet(() -> GenericRenderer.render(name, repository, p));
        } catch (RuntimeException e) {
            // a renderer bug must cost a nicer summary, not the notification: the fuzz tests aim at zero of these
            LOG.warnf("renderer failed for a %s %s event, using the generic line: %s", type.wire(), name,
                    e.getClass().getSimpleName());
            return GenericRenderer.render(name, repository, MissingNode.getInstance());
        }
    }
}
