package com.engagementorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * A webapp session an older version let a client open (the login refuses clients now, AccessControlTest and
 * LimitsAndHeadersTest): every webapp API answers 403 with the portal message, except signing out.
 */
class ClientEngineApiFilterTest {

    final ClientEngineApiFilter filter = new ClientEngineApiFilter(null, new ObjectMapper());

    @Test
    void aClientsOldWebappSessionIsSentToThePortalEverywhereButTheLogout() throws Exception {
        for (String path : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/filter",
                "/camunda/api/admin/auth/user/default", "/camunda/api/tasklist/plugin/x/static/y.js",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")) {
            MockHttpServletResponse answer = run("GET", path, session(AccessGroups.CLIENTS));
            assertThat(answer.getStatus()).as(path).isEqualTo(403);
            assertThat(answer.getContentAsString()).as(path).contains("client portal at /portal");
        }
        assertThat(run("POST", "/camunda/api/admin/auth/user/default/logout", session(AccessGroups.CLIENTS)).getStatus())
                .isEqualTo(200);
    }

    @Test
    void staffSessionsPass() throws Exception {
        for (String group : List.of(AccessGroups.MODERATORS, AccessGroups.FREELANCERS, AccessGroups.ANALYSTS)) {
            assertThat(run("GET", "/camunda/api/engine/engine/default/task", session(group)).getStatus()).as(group)
                    .isEqualTo(200);
        }
    }

    private MockHttpServletResponse run(String method, String path, MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpSession session(String group) {
        UserAuthentication login = new UserAuthentication("someone@example.com", "default");
        login.setGroupIds(List.of(group));
        login.setTenantIds(List.of());
        login.setAuthorizedApps(Set.of("tasklist", "welcome"));
        Authentications logins = new Authentications();
        logins.addOrReplace(login);
        MockHttpSession session = new MockHttpSession();
        AuthenticationUtil.updateSession(session, logins);
        return session;
    }
}
