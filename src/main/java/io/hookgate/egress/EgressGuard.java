package io.hookgate.egress;

import io.hookgate.egress.EgressDeniedException.Reason;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolve once, check every address, pin the first: the returned address is the only one the HTTP
 * client may dial, so a DNS answer that changes after the check can never reach a denied address.
 * A URL or address the policy refuses fails with {@link EgressDeniedException}; a lookup that fails, times out
 * or finds no address fails with {@link EgressCallException} ({@code dns_failure}): that is the endpoint's DNS
 * being unwell, not a policy violation.
 */
@ApplicationScoped
public class EgressGuard {

    /** Bound on remembered parses; past it the cache starts over. */
    private static final int MAX_PARSED = 50_000;

    private final Map<String, TargetUrl> parsed = new ConcurrentHashMap<>();

    private final UrlPolicy policy;
    private final AddressClassifier classifier;
    private final HostResolver resolver;
    private final Duration resolveTimeout;

    @Inject
    public EgressGuard(EgressConfig config, HostResolver resolver) {
        this(new UrlPolicy(config.allowHttp()), new AddressClassifier(config.allowCidrs().orElse(List.of())),
                resolver, config.resolveTimeout());
    }

    public EgressGuard(UrlPolicy policy, AddressClassifier classifier, HostResolver resolver, Duration resolveTimeout) {
        this.policy = policy;
        this.classifier = classifier;
        this.resolver = resolver;
        this.resolveTimeout = resolveTimeout;
    }

    /** Parses the URL without any lookup; throws {@link EgressDeniedException} for a malformed URL. */
    public TargetUrl parse(String url) {
        return policy.parse(url);
    }

    /** {@link #parse} remembered per URL text: parsing is a pure function of it, and deliveries repeat URLs. */
    public TargetUrl target(String url) {
        return parsedOnce(url);
    }

    /** Parses, resolves and checks the URL; fails with {@link EgressDeniedException} or a DNS failure. */
    public Uni<PinnedTarget> check(String url) {
        return Uni.createFrom().item(() -> parsedOnce(url)).onItem().transformToUni(this::check);
    }

    /**
     * Parsing is a pure function of the URL text, so delivery attempts reuse it; resolving and
     * classifying the addresses still happen on every call.
     */
    private TargetUrl parsedOnce(String url) {
        TargetUrl cached = parsed.get(url);
        if (cached != null) {
            return cached;
        }
        TargetUrl fresh = policy.parse(url);
        if (parsed.size() >= MAX_PARSED) {
            parsed.clear();
        }
        parsed.put(url, fresh);
        return fresh;
    }

    /** Resolves and checks an already parsed URL (every attempt must re-check: DNS may have changed). */
    public Uni<PinnedTarget> check(TargetUrl url) {
        return addresses(url).map(addresses -> pin(url, addresses));
    }

    private Uni<List<InetAddress>> addresses(TargetUrl url) {
        Optional<InetAddress> literal = IpLiterals.parse(url.host());
        if (literal.isPresent()) {
            return Uni.createFrom().item(List.of(literal.get()));
        }
        return Uni.createFrom().deferred(() -> resolver.resolve(url.host()))
                .ifNoItem().after(resolveTimeout).fail()
                .onFailure(e -> !(e instanceof EgressDeniedException))
                .transform(e -> new EgressCallException(EgressCallException.Reason.DNS_FAILURE, dnsMessage(url, e)));
    }

    private PinnedTarget pin(TargetUrl url, List<InetAddress> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            throw new EgressCallException(EgressCallException.Reason.DNS_FAILURE,
                    "host " + url.host() + " has no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> denial = classifier.denial(address);
            if (denial.isPresent()) {
                throw new EgressDeniedException(Reason.DENIED_ADDRESS,
                        "host " + url.host() + " resolves to a non-public address (" + denial.get() + ")");
            }
        }
        // strip the host name and any scope so the client dials the bytes and nothing else
        return new PinnedTarget(url, IpLiterals.fromBytes(addresses.get(0).getAddress()));
    }

    private static String dnsMessage(TargetUrl url, Throwable e) {
        String why = e instanceof TimeoutException ? "timed out" : "failed";
        return "DNS lookup for host " + url.host() + " " + why;
    }
}
