package dev.parley.worker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import dev.parley.platform.outbound.GuardedHttp;
import dev.parley.platform.outbound.OutboundAddressPolicy;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;

/** Connection failures: a refused address is final, anything else is worth another try. */
class ProviderFailuresTest {

    static final String KEY = "sk-failures-test-0123456789";

    final ProviderFailures failures = new ProviderFailures("catalog", KEY, JsonMapper.builder().build());

    @Test
    void aRefusedAddressIsFinalAlsoWhenWrapped() {
        GuardedHttp.RefusedAddressException refusal = refusal();

        ProviderError direct = failures.ofConnectFailure(refusal);
        ProviderError wrapped = failures.ofConnectFailure(new IOException("call failed", refusal));

        for (ProviderError error : new ProviderError[] {direct, wrapped}) {
            assertThat(error.code()).isEqualTo(ErrorCodes.PROVIDER_ADDRESS_REFUSED);
            assertThat(error.retryable()).isFalse();
            assertThat(error.endsTheRequest()).isTrue();
            assertThat(error.message()).contains("catalog").contains("10.0.0.1").doesNotContain(KEY);
        }
    }

    @Test
    void anyOtherConnectionFailureIsRetryable() {
        ProviderError error = failures.ofConnectFailure(new ConnectException("Connection refused"));

        assertThat(error.code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
        assertThat(error.retryable()).isTrue();
        assertThat(error.endsTheRequest()).isFalse();
    }

    /** The platform's refusal as a guarded client throws it (its constructor is not public). */
    private static GuardedHttp.RefusedAddressException refusal() {
        OkHttpClient client = GuardedHttp.guard(new OkHttpClient.Builder(), OutboundAddressPolicy.strict()).build();
        return catchThrowableOfType(GuardedHttp.RefusedAddressException.class,
                () -> client.newCall(new Request.Builder().url("http://10.0.0.1/v1").build()).execute().close());
    }
}
