package io.hookgate.inbound.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The one-line summary for an event without a dedicated renderer:
 * {@code pipeline event on group/project (success) by root}.
 */
final class GenericRenderer {

    private GenericRenderer() {
    }

    static Rendered render(String event, String repository, JsonNode p) {
        String name = Clean.line(event, Clean.NAME_CHARS);
        String what = (name.isEmpty() ? "unknown" : name) + " event";
        String repo = Clean.line(repository, Clean.NAME_CHARS * 4);
        Optional<String> action = Fields.firstText(p, new String[] {"action"},
                new String[] {"object_attributes", "action"}, new String[] {"object_attributes", "status"});
        String cleanAction = Clean.line(action.orElse(null), Clean.NAME_CHARS);
        Optional<String> rawActor = Fields.firstText(p, new String[] {"sender", "login"},
                new String[] {"user", "username"}, new String[] {"user_username"}, new String[] {"user_name"});
        String actor = Summary.actor(rawActor);
        String text = what + (repo.isEmpty() ? "" : " on " + repo)
                + (cleanAction.isEmpty() ? "" : " (" + cleanAction + ")")
                + (rawActor.isPresent() && !actor.equals(Summary.SOMEONE) ? " by " + actor : "");
        Optional<String> url = Fields.firstText(p, new String[] {"object_attributes", "url"},
                new String[] {"repository", "html_url"}, new String[] {"project", "web_url"});
        return Summary.of(cleanAction, what, text, url, actor);
    }
}
