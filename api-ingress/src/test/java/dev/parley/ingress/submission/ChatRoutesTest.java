package dev.parley.ingress.submission;

import static dev.parley.ingress.submission.ChatRequestServiceTest.MOCK;
import static dev.parley.ingress.submission.ChatRequestServiceTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import dev.parley.events.ProviderCredential;
import dev.parley.events.ProviderEndpoint;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.catalog.ProviderRoutes;
import dev.parley.ingress.providerkey.ProviderKeyService;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** Which model a request runs on, and where and with which key the worker calls its provider. */
class ChatRoutesTest {

    static final ProviderEndpoint ENDPOINT = ProviderEndpoint.newBuilder().setKind("openai-compatible")
            .setBaseUrl("https://models.example/v1").build();

    final ModelCatalog catalog = mock(ModelCatalog.class);
    final ProviderKeyService providerKeys = mock(ProviderKeyService.class);
    final ProviderRoutes providerRoutes = mock(ProviderRoutes.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ChatRoutes routes = new ChatRoutes(catalog, providerKeys, providerRoutes, new MessageMetrics(registry));

    ChatRoutesTest() {
        given(providerKeys.providers("u1")).willReturn(Set.of());
        given(providerKeys.ownKey(eq("u1"), anyString())).willReturn(Optional.empty());
        given(providerRoutes.endpoint(any())).willReturn(Optional.empty());
        given(providerRoutes.serverCredential(anyString(), anyString(), any())).willReturn(Optional.empty());
    }

    @Test
    void aBuiltInProviderNeedsNeitherEndpointNorKey() {
        ChatRoutes.Route route = routes.route(routes.plan("u1", MOCK), "r1");

        assertThat(route.endpoint()).isNull();
        assertThat(route.credential()).isNull();
        assertThat(route.ownKey()).isFalse();
    }

    @Test
    void anAdminProvidersRequestCarriesItsEndpointAndTheServersKey() {
        ProviderCredential server = credential(1);
        given(providerRoutes.endpoint(MOCK)).willReturn(Optional.of(ENDPOINT));
        given(providerRoutes.serverCredential("r1", "u1", MOCK)).willReturn(Optional.of(server));

        ChatRoutes.Route route = routes.route(routes.plan("u1", MOCK), "r1");

        assertThat(route.endpoint()).isEqualTo(ENDPOINT);
        assertThat(route.credential()).isEqualTo(server);
        assertThat(route.ownKey()).isFalse();
    }

    @Test
    void theUsersOwnKeyWinsOverTheServersKey() {
        ProviderCredential own = credential(2);
        given(providerRoutes.endpoint(MOCK)).willReturn(Optional.of(ENDPOINT));
        given(providerKeys.ownKey("u1", "mock")).willReturn(Optional.of(requestId -> requestId.equals("r1") ? own
                : null));

        ChatRoutes.Route route = routes.route(routes.plan("u1", MOCK), "r1");

        assertThat(route.credential()).isEqualTo(own);
        assertThat(route.ownKey()).isTrue();
        assertThat(route.endpoint()).isEqualTo(ENDPOINT);
        verify(providerRoutes, never()).serverCredential(anyString(), anyString(), any());
    }

    @Test
    void aRefusedProviderAddressIsCountedAndLooksUpNoKey() {
        given(providerRoutes.endpoint(MOCK)).willThrow(new ApiProblem(ProblemKind.OUTBOUND_ADDRESS_REFUSED,
                "The host 'models.example' resolves to 10.0.0.5, an internal address"));

        assertProblem(() -> routes.route(routes.plan("u1", MOCK), "r1"), ProblemKind.OUTBOUND_ADDRESS_REFUSED);
        assertThat(rejected(MessageMetrics.OUTBOUND_ADDRESS_REFUSED)).isEqualTo(1);
        verify(providerKeys, never()).ownKey(anyString(), anyString());
    }

    @Test
    void anUnknownModelIsAProblemNamingIt() {
        given(catalog.resolve(eq("nope"), any(), any())).willReturn(Optional.empty());

        ApiProblem problem = assertProblem(() -> routes.model("u1", "nope", "mock-1"), ProblemKind.MODEL_UNKNOWN);

        assertThat(problem.getBody().getDetail()).contains("'nope'");
        assertThat(rejected(MessageMetrics.MODEL_UNKNOWN)).isEqualTo(1);
    }

    double rejected(String reason) {
        return registry.get("parley.ingress.messages.rejected").tag("reason", reason).counter().count();
    }

    static ProviderCredential credential(int version) {
        return ProviderCredential.newBuilder().setKeyVersion(version).setIv(ByteBuffer.wrap(new byte[12]))
                .setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3})).build();
    }
}
