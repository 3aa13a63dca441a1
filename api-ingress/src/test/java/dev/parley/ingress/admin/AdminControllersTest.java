package dev.parley.ingress.admin;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.BalanceResponse;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;
import dev.parley.ingress.catalog.ModelPrices;
import dev.parley.ingress.catalogadmin.CatalogAdmin;
import dev.parley.platform.problem.ApiProblem;

@ControllerTest({AdminUsersController.class, AdminUsageController.class})
class AdminControllersTest {

    static final String ADMIN = TestTokens.admin("boss");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AdminAccounting accounting;

    @MockitoBean
    CatalogAdmin catalog;

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void adminSetsABalance() throws Exception {
        given(accounting.setBalance("u1", 5000)).willReturn(new BalanceResponse("u1", 5000, 40, 4960));

        mvc.perform(json(put("/api/admin/users/u1/balance"), "{\"balance\":5000}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(5000))
                .andExpect(jsonPath("$.available").value(4960));
    }

    @Test
    void adminReadsAUsersCredits() throws Exception {
        given(accounting.account("u1")).willReturn(new AccountResponse("u1", 900, 1000, 5, 6, 11, 100, 40, 860,
                null, "u1", new AccountResponse.RefillResponse(500, "P1D", Instant.parse("2025-03-01T00:00:00Z"), 0,
                        null),
                Instant.parse("2025-03-02T00:00:00Z")));

        mvc.perform(get("/api/admin/users/u1/account").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(900))
                .andExpect(jsonPath("$.reserved").value(40))
                .andExpect(jsonPath("$.refill.interval").value("P1D"))
                .andExpect(jsonPath("$.refill.lastIndex").doesNotExist());
        mvc.perform(get("/api/admin/users/u1/account").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u2")))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyAdminsGetIn() throws Exception {
        mvc.perform(put("/api/admin/users/u1/balance").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"balance\":5000}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        mvc.perform(get("/api/admin/usage").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        mvc.perform(get("/api/admin/prices").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + ControllerTest.INTEGRATION_TOKEN))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(accounting);
    }

    @Test
    void badInputIsAValidationProblemAndNeverReachesAccounting() throws Exception {
        mvc.perform(json(put("/api/admin/users/u1/balance"), "{\"balance\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("balance"));
        mvc.perform(json(put("/api/admin/users/u1/balance"), "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("balance"));
        mvc.perform(json(post("/api/admin/users/u1/grants"), "{\"amount\":0,\"effectiveAt\":\"2030-01-02T00:00:00Z\","
                        + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("amount", "expiryAfterStart")));
        mvc.perform(json(put("/api/admin/users/u1/refill"), "{\"amount\":10,\"interval\":\"PT30S\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("interval must be at least one minute"));
        mvc.perform(json(put("/api/admin/users/u1/refill"), "{\"amount\":10,\"interval\":\"often\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:malformed-request"));
        mvc.perform(json(put("/api/admin/users/u1/organisation"), "{\"organisationId\":\"org:evil\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        mvc.perform(json(put("/api/admin/prices"), "{\"model\":\"\",\"input\":-1,\"output\":1,\"cachedInput\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("model", "input")));
        verifyNoInteractions(catalog);
        mvc.perform(get("/api/admin/usage?groupBy=week").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"));
        mvc.perform(get("/api/admin/usage?groupBy=model,").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/admin/usage?groupBy=model,week").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/admin/transactions?from=2025-03-02&to=2025-03-01").header(HttpHeaders.AUTHORIZATION,
                        ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/admin/transactions?size=501").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/admin/transactions?from=yesterday").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(accounting);
    }

    @Test
    void aPriceChangesTheCatalogModelAndAnUnknownModelIsNotFound() throws Exception {
        var prices = new ModelPrices(100, 200, 50);
        given(catalog.setPrices("openai/gpt-4o-mini", prices)).willReturn(prices);
        given(catalog.setPrices(eq("gpt-99"), any())).willThrow(ApiProblem.notFound("Model 'gpt-99' is not in the "
                + "catalog"));

        mvc.perform(json(put("/api/admin/prices"), "{\"model\":\"openai/gpt-4o-mini\",\"input\":100,\"output\":200,"
                        + "\"cachedInput\":50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("openai/gpt-4o-mini"))
                .andExpect(jsonPath("$.output").value(200));
        mvc.perform(json(put("/api/admin/prices"), "{\"model\":\"gpt-99\",\"input\":1,\"output\":1,\"cachedInput\":1}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
        verify(catalog).setPrices("openai/gpt-4o-mini", prices);
        verifyNoInteractions(accounting);
    }

    @Test
    void unknownUsersAreNotFound() throws Exception {
        given(accounting.setBalance(eq("ghost"), any(Long.class)))
                .willThrow(ApiProblem.notFound("User ghost not found"));

        mvc.perform(json(put("/api/admin/users/ghost/balance"), "{\"balance\":1}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void queriesAndSettingsArePassedOn() throws Exception {
        given(accounting.usage(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"), "organisation", "u1"))
                .willReturn(new UsageReport(null, null, "organisation", List.of(), null));
        given(accounting.transactions(null, null, null, 2, 10))
                .willReturn(new TransactionPage(List.of(), 2, 10, 0, 0, new TransactionPage.Aggregates(0, 0, 0)));

        mvc.perform(get("/api/admin/usage?from=2025-03-01&to=2025-03-31&groupBy=organisation&userId=u1")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupBy").value("organisation"));
        given(accounting.usage(null, null, "model,user", null))
                .willReturn(new UsageReport(null, null, "model,user", List.of(), null));
        mvc.perform(get("/api/admin/usage?groupBy=model,user").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupBy").value("model,user"));
        mvc.perform(get("/api/admin/transactions?page=2&size=10").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.aggregates.count").value(0));
        mvc.perform(json(put("/api/admin/users/u1/refill"), "{\"amount\":100,\"interval\":\"P1D\"}"));
        verify(accounting).setRefill("u1", new RefillRequest(100L, Duration.ofDays(1)));
        mvc.perform(json(put("/api/admin/users/u1/organisation"), "{\"organisationId\":null}"));
        verify(accounting).setOrganisation("u1", null);
    }
}
