package io.hookgate.inbound.ingest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Describes {@code /v1/inbound/{source_id}} in the OpenAPI document: it is a Vert.x route (see {@link IngestRoute}),
 * which SmallRye cannot scan, and unlike every other path it needs no API key (empty security).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IngestOpenApi implements OASFilter {

    static final String PATH = "/v1/inbound/{source_id}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Parameter id = OASFactory.createParameter().name("source_id").in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema
                        .SchemaType.STRING).format("uuid"));
        Operation post = operation("Send a webhook to a source",
                "The raw body is verified with the source's secret (its type decides how: X-Hub-Signature-256,"
                        + " X-Gitlab-Token, webhook-signature, the hmac header, X-Eventyay-Signature); no API key."
                        + " 202 {id} once the broker acknowledged; {id, duplicate: true} for a replayed delivery id.",
                responses("202", "Produced (or a duplicate)", "400", "A malformed event or delivery-id header",
                        "401", "Missing or wrong signature or token", "403", "Address outside allow_cidrs, or an"
                        + " eventyay channel outside the source's channels", "404", "Unknown source", "409",
                        "The same delivery id is being processed", "413", "Body over hookgate.inbound.max-body",
                        "422", "eventyay: not a valid chat event", "429", "Rate limited", "503",
                        "The broker did not acknowledge in time; retrying is safe"));
        Operation get = operation("Echo a URL challenge", "GET ?challenge=<token> answers {\"challenge\":"
                + " \"<token>\"}, how eventyay verifies a webhook URL.", responses("200", "The token, echoed",
                        "400", "No or malformed challenge", "403", "Address outside allow_cidrs", "404",
                        "Unknown source", "429", "Rate limited"));
        get.addParameter(OASFactory.createParameter().name("challenge").in(Parameter.In.QUERY).required(true)
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema
                        .SchemaType.STRING)));
        openAPI.getPaths().addPathItem(PATH, OASFactory.createPathItem().addParameter(id).POST(post).GET(get));
    }

    private static Operation operation(String summary, String description, APIResponses responses) {
        return OASFactory.createOperation().summary(summary).description(description)
                .tags(List.of("Inbound sources")).security(List.of()).responses(responses);
    }

    private static APIResponses responses(String... codesAndDescriptions) {
        APIResponses responses = OASFactory.createAPIResponses();
        for (int i = 0; i < codesAndDescriptions.length; i += 2) {
            responses.addAPIResponse(codesAndDescriptions[i],
                    OASFactory.createAPIResponse().description(codesAndDescriptions[i + 1]));
        }
        return responses;
    }
}
