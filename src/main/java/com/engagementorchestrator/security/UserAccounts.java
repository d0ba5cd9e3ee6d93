package com.engagementorchestrator.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Engine user accounts of clients: the e-mail address is the user id, so clients log into Tasklist with it. */
@Service
public class UserAccounts {

    private final IdentityService identity;

    public UserAccounts(IdentityService identity) {
        this.identity = identity;
    }

    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    /** Runs in the caller's transaction: if the registration fails later, the user is rolled back with it. */
    public void createClient(String email, String fullName, String password) {
        User user = identity.newUser(email);
        int space = fullName.trim().indexOf(' ');
        user.setFirstName(space < 0 ? fullName.trim() : fullName.trim().substring(0, space));
        user.setLastName(space < 0 ? "" : fullName.trim().substring(space + 1));
        user.setEmail(email);
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(email, AccessGroups.CLIENTS);
    }
}
