package io.hookgate.pull.api;

import io.hookgate.pull.consumer.CommitRequest;
import io.hookgate.pull.consumer.ConsumerList;
import io.hookgate.pull.consumer.ConsumerView;
import io.hookgate.pull.consumer.Consumers;
import io.hookgate.tenant.CurrentPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Named consumers of a pull subscription (SPEC 11): several clients, each with its own committed cursor. */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pull subscriptions", description = "Reading, streaming and committing the messages of mode pull"
        + " subscriptions")
public class ConsumersResource {

    private final Consumers consumers;
    private final CurrentPrincipal principal;

    public ConsumersResource(Consumers consumers, CurrentPrincipal principal) {
        this.consumers = consumers;
        this.principal = principal;
    }

    @PUT
    @Path("/{id}/consumers/{name}")
    @Operation(summary = "Commit a consumer's cursor", description = "Creates the consumer on its first commit."
            + " Reads with consumer=name continue after this cursor; a consumer that reads and does not commit reads"
            + " the same messages again. A name is 1 to 64 of A-Z a-z 0-9 . _ - (starting with a letter or digit);"
            + " at most 100 consumers per subscription.")
    public Uni<ConsumerView> commit(@RestPath String id, @RestPath String name, CommitRequest request) {
        return consumers.commit(principal.get(), id, name, request);
    }

    @GET
    @Path("/{id}/consumers")
    @Operation(summary = "List a subscription's consumers",
            description = "Every consumer by name, with its committed cursor and lag (retained messages after it).")
    public Uni<ConsumerList> list(@RestPath String id) {
        return consumers.list(principal.get(), id);
    }

    @DELETE
    @Path("/{id}/consumers/{name}")
    @Operation(summary = "Delete a consumer", description = "Forgets its committed cursor.")
    public Uni<RestResponse<Void>> delete(@RestPath String id, @RestPath String name) {
        return consumers.delete(principal.get(), id, name).map(ignored -> RestResponse.noContent());
    }
}
