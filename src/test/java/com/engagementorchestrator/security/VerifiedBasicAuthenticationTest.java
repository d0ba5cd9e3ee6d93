package com.engagementorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementorchestrator.support.BasicAuthHttp;
import com.engagementorchestrator.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The engine REST API takes the identity Spring Security verified from the same Basic header in the same request,
 * instead of checking the password a second time; anything else is still checked by the engine itself.
 */
@IntegrationTest
class VerifiedBasicAuthenticationTest {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired ApplicationContext context;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final VerifiedBasicAuthenticationProvider provider = new VerifiedBasicAuthenticationProvider();

    String user;
    String task;

    @BeforeEach
    void aModeratorOfTheirOwnAndATaskForModerators() {
        // A user of this test's own: wrong passwords delay a user's next logins (the engine's brute-force protection).
        user = "verified-" + UUID.randomUUID().toString().substring(0, 8);
        var created = identity.newUser(user);
        created.setPassword(PASSWORD);
        identity.saveUser(created);
        identity.createMembership(user, AccessGroups.MODERATORS);
        Task standalone = tasks.newTask();
        standalone.setName("Verified Basic " + user);
        tasks.saveTask(standalone);
        tasks.addCandidateGroup(standalone.getId(), AccessGroups.MODERATORS);
        task = standalone.getId();
    }

    @AfterEach
    void removeThem() {
        tasks.deleteTask(task, true);
        identity.deleteMembership(user, AccessGroups.MODERATORS);
        identity.deleteUser(user);
    }

    @Test
    void overHttpTheUserAndTheirGroupsReachTheEngineAndAWrongPasswordDoesNot() throws Exception {
        var listed = BasicAuthHttp.send(http, json, port, "GET", "/engine-rest/task?candidateGroup=moderators&maxResults=1000",
                null, user, PASSWORD);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<String> ids = json.readTree(listed.body()).findValuesAsText("id");
        assertThat(ids).as("a moderators' task is visible through the group the engine was given").contains(task);
        assertThat(listed.headers().allValues("Set-Cookie")).as("Basic calls open no session").isEmpty();
        var claimed = BasicAuthHttp.send(http, json, port, "POST", "/engine-rest/task/" + task + "/claim",
                java.util.Map.of("userId", user), user, PASSWORD);
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(user);

        assertThat(BasicAuthHttp.send(http, json, port, "GET", "/engine-rest/task", null, user, "wrong-password")
                .statusCode()).isEqualTo(401);
        assertThat(BasicAuthHttp.send(http, json, port, "GET", "/engine-rest/task", null, null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theIdentityVerifiedInThisRequestIsTakenWithoutASecondCheck() {
        MockHttpServletRequest request = basic(user, "not-checked-again");
        request.setAttribute(VerifiedBasicAuthenticationProvider.VERIFIED_USER,
                new VerifiedBasicAuthenticationProvider.VerifiedUser(user, List.of(AccessGroups.MODERATORS)));

        AuthenticationResult result = provider.extractAuthenticatedUser(request, engine);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo(user);
        assertThat(result.getGroups()).containsExactly(AccessGroups.MODERATORS);
    }

    @Test
    void anIdentityVerifiedForSomeoneElseIsNotTakenTheEngineChecksTheHeader() {
        MockHttpServletRequest request = basic(user, "wrong-password");
        request.setAttribute(VerifiedBasicAuthenticationProvider.VERIFIED_USER,
                new VerifiedBasicAuthenticationProvider.VerifiedUser("demo", List.of(AccessGroups.ADMINS)));

        assertThat(provider.extractAuthenticatedUser(request, engine).isAuthenticated()).isFalse();
    }

    @Test
    void withoutAVerifiedIdentityTheEngineChecksThePasswordItself() {
        AuthenticationResult right = provider.extractAuthenticatedUser(basic(user, PASSWORD), engine);
        assertThat(right.isAuthenticated()).isTrue();
        assertThat(right.getGroups()).as("the engine's filter loads them").isNull();
        assertThat(provider.extractAuthenticatedUser(basic(user, "wrong-password"), engine).isAuthenticated()).isFalse();
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), engine).isAuthenticated()).isFalse();
    }

    @Test
    void springsBasicFilterMarksTheRequestWithWhomItVerifiedAndOnlyThen() {
        SecurityFilterChain chain = context.getBean(SecurityFilterChain.class);
        BasicAuthenticationFilter basic = chain.getFilters().stream().filter(BasicAuthenticationFilter.class::isInstance)
                .map(BasicAuthenticationFilter.class::cast).findFirst().orElseThrow();
        Object repository = ReflectionTestUtils.getField(basic, "securityContextRepository");
        assertThat(repository).isInstanceOf(VerifiedBasicAuthenticationProvider.MarkingVerifiedUser.class);
        var marking = (VerifiedBasicAuthenticationProvider.MarkingVerifiedUser) repository;

        MockHttpServletRequest verified = basic(user, PASSWORD);
        marking.saveContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(EngineUserAuthenticationProvider.GROUP_PREFIX + AccessGroups.MODERATORS),
                        new SimpleGrantedAuthority("ROLE_OTHER")))), verified, new MockHttpServletResponse());
        assertThat(verified.getAttribute(VerifiedBasicAuthenticationProvider.VERIFIED_USER))
                .isEqualTo(new VerifiedBasicAuthenticationProvider.VerifiedUser(user, List.of(AccessGroups.MODERATORS)));

        MockHttpServletRequest notVerified = basic(user, PASSWORD);
        marking.saveContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.unauthenticated(user, PASSWORD)),
                notVerified, new MockHttpServletResponse());
        assertThat(notVerified.getAttribute(VerifiedBasicAuthenticationProvider.VERIFIED_USER)).isNull();
    }

    @Test
    void aHeaderThatIsNotBasicNamesNoOne() {
        MockHttpServletRequest bearer = new MockHttpServletRequest();
        bearer.addHeader("Authorization", "Bearer abc");
        assertThat(VerifiedBasicAuthenticationProvider.basicUserName(bearer)).isNull();
        MockHttpServletRequest garbage = new MockHttpServletRequest();
        garbage.addHeader("Authorization", "Basic %%%");
        assertThat(VerifiedBasicAuthenticationProvider.basicUserName(garbage)).isNull();
        assertThat(VerifiedBasicAuthenticationProvider.basicUserName(basic("a:b", "c"))).isEqualTo("a");
    }

    private static MockHttpServletRequest basic(String user, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
