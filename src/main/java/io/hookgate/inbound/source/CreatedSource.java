package io.hookgate.inbound.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Answer of a successful create: the source plus its secret, the only time the secret is shown. */
public record CreatedSource(@JsonUnwrapped SourceView source, @JsonProperty("secret") String secret) {

    @Override
    public String toString() {
        return "CreatedSource[id=" + source.id() + ", secret=***]";
    }
}
