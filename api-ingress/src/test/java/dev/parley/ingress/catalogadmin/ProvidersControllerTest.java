package dev.parley.ingress.catalogadmin;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
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
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

@ControllerTest(ProvidersController.class)
class ProvidersControllerTest {

    static final String ADMIN = TestTokens.admin("boss");
    static final String MODEL = "{\"contextWindow\":128000,\"maxOutputTokens\":4096,"
            + "\"prices\":{\"input\":150000,\"output\":600000,\"cachedInput\":75000}}";
    static final ProviderResponse ACME = new ProviderResponse("acme", "openai-compatible", "https://93.184.216.34/v1",
            true, false, true, true, "WXYZ", true, List.of(), Instant.EPOCH, Instant.EPOCH, 3);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CatalogAdmin admin;

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void onlyAdminsSeeOrChangeTheCatalog() throws Exception {
        String user = TestTokens.bearer("u1");
        for (var request : List.of(get("/api/providers"), get("/api/providers/acme"),
                post("/api/providers").contentType(MediaType.APPLICATION_JSON).content("{}"),
                put("/api/providers/acme").contentType(MediaType.APPLICATION_JSON).content("{}"),
                delete("/api/providers/acme"),
                put("/api/providers/acme/models/m").contentType(MediaType.APPLICATION_JSON).content(MODEL),
                delete("/api/providers/acme/models/openai/gpt-4o-mini"))) {
            mvc.perform(request.header(HttpHeaders.AUTHORIZATION, user))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        }
        mvc.perform(get("/api/providers")).andExpect(status().isUnauthorized());
        verifyNoInteractions(admin);
    }

    @Test
    void createAnswers201WithLocationAndNeverShowsTheKey() throws Exception {
        given(admin.create(any())).willReturn(ACME);

        mvc.perform(json(post("/api/providers"), "{\"name\":\"acme\",\"kind\":\"openai-compatible\","
                        + "\"baseUrl\":\"https://93.184.216.34/v1\",\"apiKey\":\"sk-acme-secret-WXYZ\","
                        + "\"models\":[{\"id\":\"acme/large\"," + MODEL.substring(1) + "]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/providers/acme"))
                .andExpect(jsonPath("$.apiKeyLast4").value("WXYZ"))
                .andExpect(jsonPath("$.apiKey").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("secret"))));
    }

    @Test
    void badInputIsAValidationProblemNamingTheFields() throws Exception {
        mvc.perform(json(post("/api/providers"), "{\"name\":\"Bad Name\",\"kind\":\"gemini\",\"apiKey\":\"short\","
                        + "\"models\":[{\"id\":\"a//b\",\"contextWindow\":0,\"prices\":{\"input\":-1}}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "kind", "apiKey",
                        "models[0].id", "models[0].contextWindow", "models[0].maxOutputTokens",
                        "models[0].prices.input", "models[0].prices.output", "models[0].prices.cachedInput")));
        mvc.perform(json(put("/api/providers/acme/models/m"), "{\"contextWindow\":10}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("maxOutputTokens", "prices")));
        mvc.perform(json(post("/api/providers"), "not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:malformed-request"));
        verifyNoInteractions(admin);
    }

    @Test
    void theServicesRefusalsKeepTheirKinds() throws Exception {
        given(admin.get("ghost")).willThrow(ApiProblem.notFound("Provider 'ghost' not found"));
        willThrow(new ApiProblem(ProblemKind.CATALOG_READ_ONLY, "built in")).given(admin).delete("openai");
        given(admin.replace(eq("acme"), any())).willThrow(ApiProblem.conflict("changed meanwhile"));
        given(admin.create(any())).willThrow(new ApiProblem(ProblemKind.OUTBOUND_ADDRESS_REFUSED,
                "The host '169.254.169.254' resolves to 169.254.169.254, an internal address"));

        mvc.perform(get("/api/providers/ghost").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
        mvc.perform(delete("/api/providers/openai").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:catalog-read-only"));
        mvc.perform(json(put("/api/providers/acme"), "{\"kind\":\"mock\",\"version\":1}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:conflict"));
        mvc.perform(json(post("/api/providers"), "{\"name\":\"meta\",\"kind\":\"openai-compatible\","
                        + "\"baseUrl\":\"http://169.254.169.254/\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:outbound-address-refused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("internal address")));
    }

    @Test
    void modelIdsWithSlashesComeEncodedOrAsTheRestOfThePath() throws Exception {
        given(admin.putModel(eq("router"), eq("openai/gpt-4o-mini"), any())).willReturn(ACME);
        given(admin.deleteModel("router", "meta-llama/llama-3.1-8b-instruct")).willReturn(ACME);

        mvc.perform(json(put("/api/providers/router/models/openai/gpt-4o-mini"), MODEL))
                .andExpect(status().isOk());
        mvc.perform(json(put("/api/providers/router/models/{id}", "openai/gpt-4o-mini"), MODEL))
                .andExpect(status().isOk());
        mvc.perform(delete(URI.create("/api/providers/router/models/meta-llama%2Fllama-3.1-8b-instruct"))
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/providers/router/models/meta-llama/llama-3.1-8b-instruct")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk());
        verify(admin, org.mockito.Mockito.times(2)).putModel(eq("router"), eq("openai/gpt-4o-mini"), any());
        verify(admin, org.mockito.Mockito.times(2)).deleteModel("router", "meta-llama/llama-3.1-8b-instruct");
    }
}
