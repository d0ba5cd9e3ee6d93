package com.engagementorchestrator.breach;

import com.engagementorchestrator.common.AsSystem;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.engagement.TaskEngagements;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A blocked client's paused tasks cannot be completed; the engine refuses a suspended task with a technical error, so
 * this answers the REST API and Tasklist with 403 and the reason instead.
 */
@Configuration(proxyBeanMethods = false)
class BlockedClientTaskGuard {

    static final Pattern TASK_ACTION = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve)$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> blockedClientTaskFilter(TaskService tasks, TaskEngagements taskEngagements,
                                                                         IdentityService identity,
                                                                         Engagements engagements, BlockService blocks,
                                                                         TransactionTemplate transactions) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Matcher matcher = TASK_ACTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
                if (!"POST".equals(request.getMethod()) || !matcher.matches()) {
                    chain.doFilter(request, response);
                    return;
                }
                String taskId = matcher.group(1);
                Optional<String> refusal = transactions.execute(status -> refusal(taskId, tasks, taskEngagements, identity, blocks));
                if (refusal != null && refusal.isPresent()) {
                    refuse(response, refusal.get());
                    return;
                }
                // The breach may commit while this completion runs (issue 10, item 7): the engine then refuses the
                // suspended or removed task with an error. Answered as the block it is, not as a server error.
                Optional<Long> engagementId = transactions.execute(status -> AsSystem.call(identity,
                        () -> taskEngagements.idOf(tasks.createTaskQuery().taskId(taskId).singleResult())));
                ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, answer);
                int status = answer.getStatus();
                if (!answer.isCommitted() && engagementId != null && engagementId.isPresent() && status >= 404
                        && status != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                    Optional<String> blockedMeanwhile = transactions.execute(s -> engagements.findById(engagementId.get())
                            .flatMap(e -> blocks.inForce(e.getClient().getId()).map(b -> message(e, b))));
                    if (blockedMeanwhile != null && blockedMeanwhile.isPresent()) {
                        answer.resetBuffer();
                        refuse(answer, blockedMeanwhile.get() + " The client was blocked while this submission was made,"
                                + " so it was not kept: nothing of it (no uploaded file, no answer) was stored. Submit it"
                                + " again once the block is lifted.");
                    }
                }
                answer.copyBodyToResponse();
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setName("blocked-client-task-guard");
        // After the engine REST API's authentication (- 10) and security's refusal of clients there (- 9): a client is
        // sent to the portal, which answers a paused task itself.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 8);
        return registration;
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"ClientBlocked\",\"message\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(message) + "}");
    }

    private static Optional<String> refusal(String taskId, TaskService tasks, TaskEngagements taskEngagements,
                                            IdentityService identity, BlockService blocks) {
        // Look the task up as the system: the caller's own authorizations are checked by the engine afterwards.
        return AsSystem.call(identity, () -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !task.isSuspended()) {
                return Optional.<String>empty();
            }
            return taskEngagements.of(task).flatMap(e -> blocks.inForce(e.getClient().getId()).map(b -> message(e, b)));
        });
    }

    private static String message(Engagement e, ClientBlock block) {
        return "Engagement " + e.getNumber() + " is paused: the client is blocked since " + block.getBlockedAt()
                + " because of a breach (" + block.getReason() + "). A moderator reviews the block; once it is lifted the "
                + "task can be completed, with its deadline moved by the blocked time.";
    }
}
