package com.engagementorchestrator.queue;

import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderators' queue as a page and a count (issue 13, item 3), for a moderators' screen or script that needs it
 * fast at any queue length; Tasklist keeps its "Moderation queue" filter. Moderators only (SecurityConfiguration).
 */
@RestController
class ModerationQueueController {

    /** A page is for a screen: large enough for any list view, small enough that one call stays one page of work. */
    static final int MAX_PAGE = 200;

    private final ModerationQueue queue;

    ModerationQueueController(ModerationQueue queue) {
        this.queue = queue;
    }

    /**
     * The queued tasks, oldest first (created, then id, so pages neither overlap nor skip), from {@code firstResult}
     * on, at most {@code maxResults} (as the engine REST API names them).
     */
    @GetMapping("/api/queues/moderation/tasks")
    List<ModerationQueue.QueueTask> tasks(@RequestParam(defaultValue = "0") int firstResult,
                                          @RequestParam(defaultValue = "15") int maxResults, Authentication caller) {
        if (firstResult < 0) {
            throw new InvalidInputException("firstResult", "must be 0 or more");
        }
        if (maxResults < 1 || maxResults > MAX_PAGE) {
            throw new InvalidInputException("maxResults", "must be between 1 and " + MAX_PAGE);
        }
        return queue.page(caller.getName(), CurrentUser.groupIds(caller), firstResult, maxResults);
    }

    /** How many tasks are queued: {@code {"count": n}}. */
    @GetMapping("/api/queues/moderation/tasks/count")
    Map<String, Long> count(Authentication caller) {
        return Map.of("count", queue.count(caller.getName(), CurrentUser.groupIds(caller)));
    }
}
