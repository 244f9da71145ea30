package io.hookgate.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.egress.EgressCallException.Reason;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class EgressCallExceptionTest {

    @Test
    void transportFailuresMapToStableReasons() {
        assertThat(EgressCallException.classify(new TimeoutException("idle"))).isEqualTo(Reason.TIMEOUT);
        assertThat(EgressCallException.classify(new ConnectException("Connection refused: /127.0.0.1:1")))
                .isEqualTo(Reason.CONNECTION_REFUSED);
        assertThat(EgressCallException.classify(new ConnectException("Network is unreachable")))
                .isEqualTo(Reason.CONNECT_ERROR);
        assertThat(EgressCallException.classify(new NoRouteToHostException())).isEqualTo(Reason.CONNECT_ERROR);
        assertThat(EgressCallException.classify(new IOException("Connection reset by peer")))
                .isEqualTo(Reason.CONNECTION_RESET);
        assertThat(EgressCallException.classify(new HttpClosedException("closed"))).isEqualTo(Reason.CONNECTION_RESET);
        assertThat(EgressCallException.classify(new UnknownHostException("x"))).isEqualTo(Reason.DNS_FAILURE);
        assertThat(EgressCallException.classify(new ConnectionPoolTooBusyException("full"))).isEqualTo(Reason.TOO_BUSY);
        assertThat(EgressCallException.classify(new IllegalStateException("odd"))).isEqualTo(Reason.IO_ERROR);
    }

    @Test
    void causeChainIsSearchedForTheReason() {
        RuntimeException wrapped = new RuntimeException("decoder", new SSLHandshakeException("PKIX path building failed"));

        assertThat(EgressCallException.classify(wrapped)).isEqualTo(Reason.TLS_ERROR);
    }

    @Test
    void codesAreLowerSnakeCase() {
        assertThat(Reason.CONNECTION_REFUSED.code()).isEqualTo("connection_refused");
        assertThat(EgressDeniedException.Reason.DENIED_ADDRESS.code()).isEqualTo("denied_address");
    }
}
