package com.engagementorchestrator.reply;

import com.engagementorchestrator.correspondence.ReplyThreads;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.Engagements;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A reply thread is an engagement: its number is the token, its client's e-mail address the one whose word counts. */
@Component
@Transactional(readOnly = true)
class EngagementReplyThreads implements ReplyThreads {

    private static final Pattern NUMBER = Pattern.compile("(?i)\\bENG-\\d{4}-\\d{6}\\b");

    private final Engagements engagements;

    EngagementReplyThreads(Engagements engagements) {
        this.engagements = engagements;
    }

    @Override
    public Optional<String> tokenOf(Long engagementId) {
        return engagements.findById(engagementId).map(Engagement::getNumber);
    }

    @Override
    public Optional<Thread> ofEngagement(Long engagementId) {
        return engagements.findById(engagementId).map(EngagementReplyThreads::thread);
    }

    @Override
    public Optional<Thread> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            Optional<Engagement> engagement = engagements.findByNumber(m.group().toUpperCase(Locale.ROOT));
            if (engagement.isPresent()) {
                return engagement.map(EngagementReplyThreads::thread);
            }
        }
        return Optional.empty();
    }

    private static Thread thread(Engagement e) {
        return new Thread(e.getId(), e.getClient().getEmail());
    }
}
