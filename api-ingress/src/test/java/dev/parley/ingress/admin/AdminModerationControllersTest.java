package dev.parley.ingress.admin;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationLifecycle;
import dev.parley.ingress.flag.FlagResponse;
import dev.parley.ingress.flag.FlagService;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;

@ControllerTest({AdminConversationsController.class, AdminFlagsController.class})
class AdminModerationControllersTest {

    static final String ADMIN = TestTokens.admin("boss");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConversationLifecycle conversations;

    @MockitoBean
    FlagService flags;

    @Test
    void adminListsDeletedConversationsOfOneUser() throws Exception {
        given(conversations.adminList(true, "u1", 0, 20)).willReturn(new PageResponse<>(List.of(
                new ConversationDocument("c1", "u1", "Gone", null, true, Instant.EPOCH, Instant.EPOCH)), 0, 20, 1));

        mvc.perform(get("/api/admin/conversations?deleted=true&userId=u1").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("c1"))
                .andExpect(jsonPath("$.items[0].deleted").value(true))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void restoringAConversationThatIsNotDeletedIsANotFoundProblem() throws Exception {
        given(conversations.restore("c9")).willThrow(ApiProblem.notFound("No deleted conversation c9"));

        mvc.perform(post("/api/admin/conversations/c9/restore").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void usersCannotReachModeration() throws Exception {
        mvc.perform(get("/api/admin/flags").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        mvc.perform(post("/api/admin/conversations/c1/restore").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("u1")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(conversations, flags);
    }

    @Test
    void adminListsAndResolvesFlags() throws Exception {
        var open = new FlagResponse("f1", "c1", "m2", "u1", "Wrong", null, false, Instant.EPOCH, null, null);
        given(flags.list(false, 0, 20)).willReturn(new PageResponse<>(List.of(open), 0, 20, 1));
        given(flags.resolve("f1", "boss")).willReturn(new FlagResponse("f1", "c1", "m2", "u1", "Wrong", null, true,
                Instant.EPOCH, Instant.EPOCH, "boss"));

        mvc.perform(get("/api/admin/flags?resolved=false").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].reason").value("Wrong"));
        mvc.perform(post("/api/admin/flags/f1/resolve").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolvedBy").value("boss"));
        mvc.perform(get("/api/admin/flags?size=0").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"));
    }
}
