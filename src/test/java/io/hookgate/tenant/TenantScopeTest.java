package io.hookgate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    private static final UUID TENANT = UUID.fromString("7b0b7e0e-8d3a-4c1e-9a65-1c2f3e4d5a6b");
    private static final TenantScope ALL = Optional::empty;

    @Test
    void aTenantScopeAddsTheTenantPredicateToEveryQuery() {
        TenantScope.Restricted byId = TenantScope.of(TENANT).restrict("id = :id", Map.of("id", "k1"));

        assertThat(byId.where()).isEqualTo("(id = :id) and tenantId = :tenant");
        assertThat(byId.params()).containsExactlyInAnyOrderEntriesOf(Map.of("id", "k1", "tenant", TENANT));
    }

    @Test
    void aTenantScopeRestrictsEvenAQueryWithoutOtherConditions() {
        TenantScope.Restricted all = TenantScope.of(TENANT).restrict("", Map.of());

        assertThat(all.where()).isEqualTo("tenantId = :tenant");
        assertThat(all.params()).containsExactlyEntriesOf(Map.of("tenant", TENANT));
    }

    @Test
    void theAllTenantsScopeLeavesThePredicateAlone() {
        assertThat(ALL.restrict("id = :id", Map.of("id", "k1")).where()).isEqualTo("(id = :id)");
        assertThat(ALL.restrict("", Map.of()).where()).isEqualTo("1 = 1");
        assertThat(ALL.restrict("", Map.of()).params()).isEmpty();
    }

    @Test
    void anOrInTheCallersPredicateCannotEscapeTheTenant() {
        TenantScope.Restricted either = TenantScope.of(TENANT).restrict("id = :a or id = :b", Map.of("a", 1, "b", 2));

        assertThat(either.where()).isEqualTo("(id = :a or id = :b) and tenantId = :tenant");
    }
}
