package io.hookgate.pull.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.api.Problem;
import io.hookgate.pull.wake.TooManyWaitersException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A refused wait leaves as a problem+json that names the bound and says when to retry, never as a 500. */
class TooManyWaitersMapperTest {

    @Test
    void aRefusedWaitIsA503Problem() {
        Response response = new TooManyWaitersMapper().problem(new TooManyWaitersException(20_000));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        String body = new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
        assertThat(body).contains("too-many-waiters").contains("20000");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    }

    @Test
    void aWaitRefusedForTheTenantsShareIsA429ProblemNamingTheTenant() {
        Response response = new TooManyWaitersMapper().problem(
                new TooManyWaitersException(5_000, TooManyWaitersException.Bound.TENANT));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        String body = new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
        assertThat(body).contains("too-many-waiters").contains("this tenant").contains("5000");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
    }
}
