package com.engagementorchestrator.engagement;

import com.engagementorchestrator.correspondence.Correspondence;
import com.engagementorchestrator.correspondence.Correspondent;
import org.springframework.stereotype.Component;

/**
 * Writes a letter about an engagement to its client, in the client's language. Every template gets the client's name
 * as {0} and the engagement number as {1}; the details follow from {2} on.
 */
@Component
public class ClientLetters {

    private final Correspondent correspondent;

    public ClientLetters(Correspondent correspondent) {
        this.correspondent = correspondent;
    }

    public Correspondence write(Engagement e, String template, String dedupKey, Object... details) {
        var client = e.getClient();
        Object[] arguments = new Object[2 + details.length];
        arguments[0] = client.getFullName();
        arguments[1] = e.getNumber();
        System.arraycopy(details, 0, arguments, 2, details.length);
        return correspondent.send(new Correspondent.Letter(dedupKey, e.getId(), client.getEmail(), client.getLocale(),
                template, arguments));
    }

    public boolean knows(String key) {
        return correspondent.knows(key);
    }

    public String fragment(String key, String locale, Object... arguments) {
        return correspondent.fragment(key, locale, arguments);
    }
}
