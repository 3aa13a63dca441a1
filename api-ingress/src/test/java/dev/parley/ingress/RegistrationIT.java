package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration grants its credits through accounting's internal API; invitations are single use. */
class RegistrationIT extends IngressIntegrationTest {

    User admin;

    @BeforeAll
    void signInTheAdmin() {
        admin = admin();
    }

    @Test
    void registrationOpensTheAccountWithTheStartingBalanceOfItsMode() {
        User ann = signUp("ann");

        assertThat(AccountingStub.calls("PUT", "/internal/accounts/" + ann.id()))
                .singleElement().satisfies(call -> assertThat(call.body().get("startingBalance").asLong())
                        .isEqualTo(100_000));
    }

    @Test
    void anInvitationBringsItsOwnCreditsAndWorksOnceForItsAddress() {
        String email = "invited-" + UUID.randomUUID() + "@example.com";
        ApiClient.Response invited = api.post("/api/admin/invitations", admin.bearer(),
                ApiClient.json(Map.of("email", email, "startingBalance", 1234)));
        assertThat(invited.status()).as(invited.text()).isEqualTo(201);
        String code = invited.body().get("code").asText();

        ApiClient.Response stranger = register("stranger-" + UUID.randomUUID() + "@example.com", code);
        ApiClient.Response registered = register(email, code);
        ApiClient.Response again = register("again-" + email, code);

        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body().get("type").asText()).isEqualTo("urn:parley:problem:registration-closed");
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(AccountingStub.calls("PUT", "/internal/accounts/" + registered.body().get("id").asText()))
                .singleElement().satisfies(call -> assertThat(call.body().get("startingBalance").asLong())
                        .isEqualTo(1234));
        assertThat(again.status()).isEqualTo(403);
        assertThat(api.post("/api/admin/invitations", signUp("eve").bearer(), ApiClient.json(Map.of())).status())
                .isEqualTo(403);
    }

    @Test
    void aRegistrationThatTakesAnEmailGivesItsInvitationBack() {
        User taken = signUp("taken");
        String code = api.post("/api/admin/invitations", admin.bearer(), ApiClient.json(Map.of())).body()
                .get("code").asText();

        assertThat(register(taken.email(), code).status()).isEqualTo(409);
        assertThat(register("free-" + UUID.randomUUID() + "@example.com", code).status()).isEqualTo(201);
    }

    private ApiClient.Response register(String email, String inviteCode) {
        return api.post("/api/auth/register", null, ApiClient.json(Map.of("email", email,
                "password", "correct horse battery", "inviteCode", inviteCode)));
    }
}
