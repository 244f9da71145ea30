package io.hookgate.inbound.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookgate.inbound.SourceType;
import io.hookgate.inbound.verify.HmacConfig;
import io.hookgate.api.Cursor;
import io.hookgate.api.Page;
import io.hookgate.api.PathIds;
import io.hookgate.api.ProblemException;
import io.hookgate.subscription.ChannelScope;
import io.hookgate.subscription.Scope;
import io.hookgate.tenant.Principal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Create, read, change, delete and secret rotation of inbound sources, always within the caller's scope. */
@ApplicationScoped
public class SourceService {

    private final SourceRepository repository;
    private final SourceSecrets secrets;
    private final ChannelScope channelScope;
    private final Clock clock;

    public SourceService(SourceRepository repository, SourceSecrets secrets, ChannelScope channelScope,
            Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.channelScope = channelScope;
        this.clock = clock;
    }

    /** Validates, checks eventyay channels against the tenant's scope, stores, and shows the secret once. */
    public Uni<CreatedSource> create(Principal caller, CreateSourceRequest request, String baseUrl) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        UUID tenantId = owner(caller, request.tenantId());
        SourceRules rules = new SourceRules();
        SourceType type = rules.type(request.type()).orElse(null);
        String name = rules.name(request.name());
        String supplied = rules.secret(type, request.secret());
        List<String> cidrs = rules.allowCidrs(request.allowCidrs());
        HmacConfig hmac = rules.hmac(type, request.hmac());
        List<String> channels = rules.channels(type, request.channels());
        rules.throwIfInvalid();
        String secret = supplied != null ? supplied : secrets.generate(type);
        UUID id = UUID.randomUUID();
        return channelScope.of(caller, tenantId)
                .invoke(tenant -> ChannelScope.require(tenant, channels))
                .chain(() -> repository.insert(new NewSource(id, tenantId, type, name, cidrs, hmac, channels,
                        secrets.sealCurrent(id, secret))))
                .map(row -> new CreatedSource(SourceView.of(row, baseUrl), secret));
    }

    public Uni<Page<SourceView>> list(Principal caller, String limitText, String cursorText, String baseUrl) {
        int limit = Page.limit(limitText);
        Optional<Cursor> after = Optional.ofNullable(cursorText).filter(c -> !c.isEmpty()).map(Cursor::decode);
        return repository.page(Scope.of(caller), after, limit + 1).map(rows -> Page.of(rows, limit,
                row -> new Cursor(row.createdAt(), row.id()), row -> SourceView.of(row, baseUrl)));
    }

    public Uni<SourceView> get(Principal caller, String idText, String baseUrl) {
        return find(caller, idText).map(row -> SourceView.of(row, baseUrl));
    }

    /** The caller's source or a 404; used by the routes resource too. */
    public Uni<SourceRow> find(Principal caller, String idText) {
        return repository.find(Scope.of(caller), parseId(idText))
                .map(row -> row.orElseThrow(SourceService::notFound));
    }

    public Uni<SourceView> patch(Principal caller, String idText, JsonNode body, String baseUrl) {
        return find(caller, idText).chain(row -> {
            SourcePatch.Changes changes = SourcePatch.of(row, body);
            Uni<Void> scope = changes.channels() == null ? Uni.createFrom().voidItem()
                    : channelScope.of(caller, row.tenantId())
                            .invoke(tenant -> ChannelScope.require(tenant, changes.channels())).replaceWithVoid();
            return scope.chain(() -> repository.update(Scope.of(caller), row.id(), changes.columns()));
        }).map(row -> SourceView.of(row.orElseThrow(SourceService::notFound), baseUrl));
    }

    public Uni<Void> delete(Principal caller, String idText) {
        return repository.delete(Scope.of(caller), parseId(idText)).invoke(deleted -> {
            if (!deleted) {
                throw notFound();
            }
        }).replaceWithVoid();
    }

    /** Installs a new (generated or supplied) secret; the old one verifies until the rotation overlap ends. */
    public Uni<RotatedSourceSecret> rotate(Principal caller, String idText, String suppliedText) {
        UUID id = parseId(idText);
        return repository.find(Scope.of(caller), id).map(row -> row.orElseThrow(SourceService::notFound))
                .chain(row -> {
                    SourceRules rules = new SourceRules();
                    String supplied = rules.secret(row.type(), suppliedText);
                    rules.throwIfInvalid();
                    String next = supplied != null ? supplied : secrets.generate(row.type());
                    return repository.rotate(Scope.of(caller), id,
                            locked -> secrets.rotate(locked, next, clock.instant()))
                            .map(rotated -> new RotatedSourceSecret(next,
                                    rotated.orElseThrow(SourceService::notFound).previousExpiresAt()));
                });
    }

    // The admin must name the tenant; a tenant key may not (it always acts for its own tenant).
    private static UUID owner(Principal caller, String tenantIdText) {
        if (caller instanceof Principal.Tenant tenant) {
            if (tenantIdText != null) {
                throw ProblemException.forbidden("tenant_id may only be set with the admin key");
            }
            return tenant.tenantId();
        }
        if (tenantIdText == null) {
            throw ProblemException.invalid("tenant_id", "tenant_id is required with the admin key");
        }
        try {
            return PathIds.uuid(tenantIdText, "tenant");
        } catch (ProblemException e) {
            throw ProblemException.invalid("tenant_id", "tenant_id must be a UUID");
        }
    }

    static UUID parseId(String idText) {
        return PathIds.uuid(idText, "source");
    }

    static ProblemException notFound() {
        return ProblemException.notFound("source");
    }
}
