package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * What one user may store is bounded, by counters changed with conditional updates (the shared test context caps
 * projects at 3, prompts per project at 3, versions per prompt at 4 and conversations at 25).
 */
class CapsIT extends IngressIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void parallelCreationsNeverPassTheProjectCapAndDeletingFreesASlot() {
        User ann = signUp("ann");
        List<CompletableFuture<ApiClient.Response>> creations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Project " + i;
            creations.add(CompletableFuture.supplyAsync(() -> api.post("/api/projects", ann.bearer(),
                    ApiClient.json(Map.of("name", name)))));
        }
        List<ApiClient.Response> answers = creations.stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(3);
        ApiClient.Response refused = answers.stream().filter(answer -> answer.status() != 201).findFirst().get();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:parley:problem:limit-reached");
        assertThat(refused.body().get("limit").asLong()).isEqualTo(3);
        String first = answers.stream().filter(answer -> answer.status() == 201).findFirst().get().body()
                .get("id").asText();
        assertThat(api.delete("/api/projects/" + first, ann.bearer()).status()).isEqualTo(204);
        assertThat(api.post("/api/projects", ann.bearer(), ApiClient.json(Map.of("name", "Again"))).status())
                .isEqualTo(201);
        assertThat(api.post("/api/projects", signUp("bob").bearer(), ApiClient.json(Map.of("name", "Bob's")))
                .status()).isEqualTo(201);
    }

    @Test
    void promptsAndVersionsAreCappedAndVersionsLiveInTheirOwnDocuments() {
        User cat = signUp("cat");
        String project = api.post("/api/projects", cat.bearer(), ApiClient.json(Map.of("name", "Poems"))).body()
                .get("id").asText();
        String prompts = "/api/projects/" + project + "/prompts";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post(prompts, cat.bearer(), ApiClient.json(Map.of("name", "p" + i, "content", "v1")))
                    .body().get("id").asText());
        }
        assertThat(api.post(prompts, cat.bearer(), ApiClient.json(Map.of("name", "p3", "content", "v1"))).status())
                .isEqualTo(409);
        String prompt = prompts + "/" + ids.getFirst();
        for (int version = 2; version <= 4; version++) {
            assertThat(api.patch(prompt, cat.bearer(), ApiClient.json(Map.of("content", "v" + version))).status())
                    .isEqualTo(200);
        }

        ApiClient.Response fifth = api.patch(prompt, cat.bearer(), ApiClient.json(Map.of("content", "v5")));

        assertThat(fifth.status()).isEqualTo(409);
        assertThat(fifth.body().get("type").asText()).isEqualTo("urn:parley:problem:limit-reached");
        Document stored = mongo.getCollection("prompts").find(new Document("_id", new org.bson.types.ObjectId(
                ids.getFirst()))).first();
        assertThat(stored).as("prompt %s", ids.getFirst()).isNotNull();
        assertThat(stored.get("versions")).isNull();
        assertThat(stored.getString("content")).isEqualTo("v4");
        JsonNode page = api.get(prompt + "/versions?page=1&size=3", cat.bearer()).body();
        assertThat(page.findValuesAsString("content")).containsExactly("v4");
        assertThat(api.get(prompt + "/versions", cat.bearer()).body().findValuesAsString("content"))
                .containsExactly("v1", "v2", "v3", "v4");
        assertThat(api.delete(prompts + "/" + ids.get(1), cat.bearer()).status()).isEqualTo(204);
        assertThat(api.post(prompts, cat.bearer(), ApiClient.json(Map.of("name", "p4", "content", "v1"))).status())
                .isEqualTo(201);
    }

    @Test
    void conversationsAreCappedPerUser() {
        User dan = signUp("dan");
        for (int i = 0; i < 25; i++) {
            createConversation(dan, "c" + i);
        }

        ApiClient.Response refused = api.post("/api/conversations", dan.bearer(), ApiClient.json(Map.of()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("resource").asText()).isEqualTo("conversations");
        String some = api.get("/api/conversations?size=1", dan.bearer()).body().get("items").get(0).get("id")
                .asText();
        assertThat(api.delete("/api/conversations/" + some, dan.bearer()).status()).isEqualTo(204);
        createConversation(dan, "room again");
    }
}
