package com.engagementorchestrator.engagement;

import org.springframework.beans.factory.annotation.Value;
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
    private final String portalUrl;

    public ClientLetters(Correspondent correspondent, @Value("${engagement.public-url}") String publicUrl) {
        this.correspondent = correspondent;
        this.portalUrl = publicUrl + "/portal/#/";
    }

    /**
     * The portal page of the client's task a letter asks them to do: {@code /portal/#/task/{engagement}/{element id}}.
     * A letter is written before the engine creates the task it announces, so it names the task by its engagement and
     * its element id; the portal opens the client's open task of that kind, or the engagement once it is done.
     */
    public String taskLink(Engagement e, String taskElementId) {
        return portalUrl + "task/" + e.getNumber() + "/" + taskElementId;
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
