package dev.parley.ingress.summary;

import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import dev.parley.contracts.accounting.UsageReport;
import dev.parley.events.GenerationParameters;
import dev.parley.ingress.admin.AdminAccounting;
import dev.parley.ingress.catalog.ModelCatalog;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.submission.ChatRequestService;
import dev.parley.ingress.submission.ChatSubmission;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Has a model write a narrative summary of a usage report. The request goes through the normal chat pipeline, in
 * a new conversation of the admin who asked: it is reserved, streamed, stored and debited like any message.
 */
@Service
class UsageSummaryService {

    private final AdminAccounting accounting;
    private final ConversationService conversations;
    private final ChatRequestService chatRequests;
    private final ModelCatalog catalog;

    UsageSummaryService(AdminAccounting accounting, ConversationService conversations,
            ChatRequestService chatRequests, ModelCatalog catalog) {
        this.accounting = accounting;
        this.conversations = conversations;
        this.chatRequests = chatRequests;
        this.catalog = catalog;
    }

    CompletableFuture<UsageSummaryResponse> summarize(String adminId, UsageSummaryRequest request) {
        // checked before anything is created, so that a bad model leaves no empty conversation behind
        if (catalog.resolve(request.model(), null).isEmpty()) {
            throw new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model '" + request.model() + "' is not available");
        }
        UsageReport report = accounting.usage(request.from(), request.to(), request.groupByOrDefault(), null);
        String table = SummaryPrompt.table(report);
        ConversationDocument conversation = conversations.start(adminId,
                "Usage summary " + request.from() + ".." + request.to());
        var submission = new ChatSubmission(table, SummaryPrompt.context(table), request.model(),
                GenerationParameters.newBuilder().build());
        return chatRequests.submit(conversation, submission).thenApply(accepted -> new UsageSummaryResponse(
                accepted.messageId(), accepted.questionId(), accepted.requestId(),
                "/api/conversations/" + accepted.conversationId() + "/messages/" + accepted.messageId() + "/stream",
                accepted.conversationId()));
    }
}
