package dev.parley.ingress.usage;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.TransactionPage;
import dev.parley.contracts.accounting.UsageReport;

@ControllerTest(UsageController.class)
class UsageControllerTest {

    static final String USER = TestTokens.bearer("u1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    dev.parley.ingress.attachment.AttachmentStorage attachmentStorage;

    @MockitoBean
    AccountingClient accounting;

    @Test
    void usageShowsWhatIsReservedAndAvailable() throws Exception {
        given(accounting.account("u1")).willReturn(new AccountResponse("u1", 1000, 100_000, 10, 20, 30, 30, 250, 750,
                null, "u1", new AccountResponse.RefillResponse(50, "P1D", Instant.EPOCH, 3, null),
                Instant.parse("2025-03-01T00:00:00Z")));

        mvc.perform(get("/api/me/usage").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(1000))
                .andExpect(jsonPath("$.reserved").value(250))
                .andExpect(jsonPath("$.available").value(750))
                .andExpect(jsonPath("$.debitedCredits").value(30))
                // the public shape of the refill: what accounting keeps besides stays inside
                .andExpect(jsonPath("$.refill.interval").value("P1D"))
                .andExpect(jsonPath("$.refill.lastIndex").doesNotExist());
    }

    @Test
    void transactionsAndReportsAreTheCallersOwn() throws Exception {
        given(accounting.transactions("u1", LocalDate.parse("2025-03-01"), null, 1, 5))
                .willReturn(new TransactionPage(List.of(new TransactionPage.Transaction("e1", "DEBIT", "u1", "u1", "r1",
                        "c1", "mock", "mock-1", new TransactionPage.Tokens(10, 5, 0, 0), "PROVIDER", "COMPLETED",
                        false, 15, -15, 0, 985L, Instant.EPOCH)), 1, 5, 6, 2, new TransactionPage.Aggregates(6, 90, 0)));
        given(accounting.report("u1", null, null, "model"))
                .willReturn(new UsageReport(null, null, "model", List.of(), null));
        given(accounting.report("u1", null, null, "day,model"))
                .willReturn(new UsageReport(null, null, "day,model", List.of(), null));

        mvc.perform(get("/api/me/transactions?from=2025-03-01&page=1&size=5").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("e1"))
                .andExpect(jsonPath("$.items[0].type").value("DEBIT"));
        mvc.perform(get("/api/me/usage/report?groupBy=model").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupBy").value("model"));
        mvc.perform(get("/api/me/usage/report?groupBy=day,model").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupBy").value("day,model"));
    }

    @Test
    void badParametersAreProblems() throws Exception {
        mvc.perform(get("/api/me/usage/report?groupBy=user").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"));
        mvc.perform(get("/api/me/usage/report?groupBy=model,user").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/me/transactions?size=0").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/me/transactions?from=2025-03-02&to=2025-03-01").header(HttpHeaders.AUTHORIZATION, USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/me/transactions"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(accounting);
    }
}
