package dev.parley.ingress.catalog;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;

@ControllerTest(ModelsController.class)
class ModelsControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelCatalog catalog;

    @MockitoBean
    OwnKeys providerKeys;

    @Test
    void usersSeeTheModelsTheyMayUseWithLimitsPricesAndWhetherTheirKeyIsUsed() throws Exception {
        given(providerKeys.providers("u1")).willReturn(Set.of("openai"));
        given(catalog.models(Set.of("openai"))).willReturn(List.of(new CatalogModel("mock-1", "mock", true),
                new CatalogModel("gpt-4o-mini", "GPT-4o mini", "openai", 128000, 4096,
                        new ModelPrices(150000, 600000, 75000), false, Instant.EPOCH)));

        mvc.perform(get("/api/models").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("mock-1"))
                .andExpect(jsonPath("$[0].default").value(true))
                .andExpect(jsonPath("$[0].ownKey").value(false))
                .andExpect(jsonPath("$[1].displayName").value("GPT-4o mini"))
                .andExpect(jsonPath("$[1].contextWindow").value(128000))
                .andExpect(jsonPath("$[1].maxOutputTokens").value(4096))
                .andExpect(jsonPath("$[1].prices.cachedInput").value(75000))
                .andExpect(jsonPath("$[1].ownKey").value(true));
    }
}
