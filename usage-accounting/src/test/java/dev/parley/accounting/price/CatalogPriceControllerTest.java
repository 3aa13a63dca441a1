package dev.parley.accounting.price;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.parley.accounting.config.SecurityConfig;

@WebMvcTest(controllers = CatalogPriceController.class, properties = {
        "parley.accounting.service-token=" + CatalogPriceControllerTest.TOKEN,
        "parley.accounting.integration-token=" + CatalogPriceControllerTest.INTEGRATION_TOKEN})
@Import(SecurityConfig.class)
class CatalogPriceControllerTest {

    static final String TOKEN = "s3rvice-token-for-tests";
    static final String INTEGRATION_TOKEN = "integration-token-for-tests";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PriceBook prices;

    @Test
    void storesEveryNamedModelAndAnswers204() throws Exception {
        given(prices.storeCatalogPrices(any())).willReturn(2);

        push(TOKEN, """
                {"prices": {
                  "openai/gpt-4.1-mini": {"input": 400000, "output": 1600000, "cachedInput": 100000},
                  "mock-1": {"input": 0, "output": 0, "cachedInput": 0}}}""")
                .andExpect(status().isNoContent());

        verify(prices).storeCatalogPrices(Map.of(
                "openai/gpt-4.1-mini", new ModelPrice(400_000, 1_600_000, 100_000),
                "mock-1", new ModelPrice(0, 0, 0)));
    }

    @Test
    void anEmptyPushChangesNothingAndAnswers204() throws Exception {
        push(TOKEN, "{\"prices\": {}}").andExpect(status().isNoContent());

        verify(prices).storeCatalogPrices(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"prices\": null}",
            "{\"prices\": {\"m\": {\"input\": -1, \"output\": 0, \"cachedInput\": 0}}}",
            "{\"prices\": {\"m\": {\"input\": 1, \"output\": 2}}}",
            "{\"prices\": {\"m\": null}}",
            "{\"prices\": {\" \": {\"input\": 1, \"output\": 2, \"cachedInput\": 3}}}",
            "{\"prices\": {\"m\": {\"input\": \"lots\", \"output\": 2, \"cachedInput\": 3}}}",
            "{\"prices\": {\"m\": {\"input\": 1.5, \"output\": 2, \"cachedInput\": 3}}}",
            "{\"prices\": {\"m\": {\"input\": 99999999999999999999, \"output\": 2, \"cachedInput\": 3}}}",
            "{\"prices\": [1, 2]}",
            "not json"})
    void invalidBodiesAreBadRequestProblems(String body) throws Exception {
        push(TOKEN, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:bad-request"));
        verifyNoInteractions(prices);
    }

    @Test
    void anOverlongModelIdIsABadRequestProblem() throws Exception {
        push(TOKEN, "{\"prices\": {\"" + "m".repeat(257) + "\": {\"input\": 1, \"output\": 2, \"cachedInput\": 3}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:bad-request"));
        verifyNoInteractions(prices);
    }

    @Test
    void withoutTheServiceTokenAnswers401AndWithTheIntegrationToken403() throws Exception {
        String body = "{\"prices\": {\"m\": {\"input\": 1, \"output\": 2, \"cachedInput\": 3}}}";
        mvc.perform(put("/internal/catalog/prices").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        push(TOKEN + "x", body).andExpect(status().isUnauthorized());
        push(INTEGRATION_TOKEN, body)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        verifyNoInteractions(prices);
    }

    private ResultActions push(String token, String body) throws Exception {
        return mvc.perform(put("/internal/catalog/prices").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
