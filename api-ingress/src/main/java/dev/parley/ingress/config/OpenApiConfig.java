package dev.parley.ingress.config;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description served at /v3/api-docs (Swagger UI at /swagger-ui.html). Every operation needs the
 * bearer scheme unless it says otherwise, and every one can fail with the error shape of its part of the API:
 * problems under /api, OpenAI errors under /v1.
 */
@Configuration
class OpenApiConfig {

    static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String OPENAI_ERROR = "OpenAiError";

    @Bean
    OpenAPI parleyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Parley API").version("v1")
                        .description("Event-driven multi-provider LLM chat. Errors under /api are RFC 9457 problems "
                                + "(application/problem+json, type urn:parley:problem:<kind>); errors under /v1 use "
                                + "OpenAI's {error:{message,type,param,code}} shape. Answers also stream over the WebSocket "
                                + "/api/ws/stream (not describable in OpenAPI): token as Authorization header or "
                                + "access_token query parameter; send {\"type\":\"subscribe\",\"conversationId\","
                                + "\"messageId\",\"lastEventId\"?}; frames {\"type\":\"delta\"|\"done\"|"
                                + "\"error\"|\"reset\",\"id\":n,...} carry the SSE events' data."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT access token or personal API key (pk_...)"))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas(OPENAI_ERROR, openAiErrorSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer errorResponses() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            boolean openAi = path.startsWith("/v1/");
            Content content = openAi ? content("application/json", OPENAI_ERROR)
                    : content("application/problem+json", PROBLEM);
            ApiResponses responses = operation.getResponses();
            addIfMissing(responses, "4XX", "Client error: invalid input, unknown id (another user's ids too), "
                    + (openAi ? "exhausted quota (429 insufficient_quota)" : "exhausted quota (402)"), content);
            addIfMissing(responses, "5XX", "Server error, or a dependency unavailable (503)", content);
            if (secured(api, operation)) {
                addIfMissing(responses, "401", "Missing, invalid or expired bearer token or API key", content);
            }
        }));
    }

    private static boolean secured(OpenAPI api, Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                : api.getSecurity();
        return security != null && !security.isEmpty();
    }

    private static void addIfMissing(ApiResponses responses, String code, String description, Content content) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(content));
        }
    }

    private static Content content(String mediaType, String schema) {
        return new Content().addMediaType(mediaType,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    private static Schema<?> problemSchema() {
        var error = new ObjectSchema().properties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        return new ObjectSchema().description("RFC 9457 problem")
                .addProperty("type", new StringSchema().example("urn:parley:problem:not-found"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error).description("validation problems only"));
    }

    private static Schema<?> openAiErrorSchema() {
        var body = new ObjectSchema()
                .addProperty("message", new StringSchema())
                .addProperty("type", new StringSchema().example("invalid_request_error"))
                .addProperty("param", new StringSchema().nullable(true))
                .addProperty("code", new StringSchema().nullable(true));
        return new ObjectSchema().description("OpenAI's error shape").addProperty("error", body);
    }
}
