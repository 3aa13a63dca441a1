package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/** The OpenAPI description: open without a token, and complete. */
class OpenApiDocsIT extends IngressIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void apiDocsListEveryPublicPathWithASummaryAndTheBearerScheme() {
        ApiClient.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");

        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/") || path.startsWith("/v1/"))
                // OpenAPI has no rest-of-path variables: {*modelId} is documented as {modelId}
                .map(path -> path.replace("{*", "{"))
                .forEach(mapped::add));
        assertThat(mapped).contains("/api/keys", "/api/keys/{id}", "/v1/chat/completions", "/v1/models",
                "/api/providers", "/api/providers/{name}", "/api/providers/{name}/models/{modelId}");
        List<String> documented = new ArrayList<>();
        paths.propertyNames().forEach(documented::add);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);

        paths.forEach(item -> item.forEach(operation -> {
            assertThat(operation.path("summary").asText()).isNotBlank();
            assertThat(operation.get("responses").has("4XX")).isTrue();
        }));
        assertThat(docs.body().at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(paths.at("/~1api~1auth~1login/post/security").isArray()).isTrue();
        assertThat(paths.at("/~1api~1auth~1login/post/security")).isEmpty();
        assertThat(paths.at("/~1v1~1chat~1completions/post/responses/4XX/content/application~1json").isMissingNode())
                .isFalse();
        assertThat(paths.at("/~1api~1keys/post/responses/4XX/content/application~1problem+json").isMissingNode())
                .isFalse();
        assertThat(api.get("/swagger-ui.html", null).status()).isIn(200, 302);
    }
}
