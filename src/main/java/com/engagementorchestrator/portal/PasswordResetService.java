package com.engagementorchestrator.portal;

import com.engagementorchestrator.client.Clients;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.Time;
import com.engagementorchestrator.correspondence.Correspondent;
import com.engagementorchestrator.security.AccessGroups;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail for clients. Asking answers the same whether the address is known or not (no account
 * enumeration); a known client gets a letter in their language with a link to the portal carrying a random token,
 * valid for {@code engagement.portal.reset-valid-for} and once. At most three links per account and hour, so the
 * public endpoint cannot flood one mailbox (the per-address rate limit stops floods from one source).
 */
@Service
class PasswordResetService {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;
    private static final int LINKS_PER_HOUR = 3;

    private final PasswordResets resets;
    private final Clients clients;
    private final IdentityService identity;
    private final Correspondent correspondent;
    private final String portalUrl;
    private final Duration validFor;
    private final SecureRandom random = new SecureRandom();

    PasswordResetService(PasswordResets resets, Clients clients, IdentityService identity, Correspondent correspondent,
                         @Value("${engagement.public-url}") String publicUrl,
                         @Value("${engagement.portal.reset-valid-for:PT1H}") Duration validFor) {
        this.resets = resets;
        this.clients = clients;
        this.identity = identity;
        this.correspondent = correspondent;
        this.portalUrl = publicUrl + "/portal/";
        this.validFor = validFor;
    }

    @Transactional
    void request(String email) {
        String given = email == null ? "" : email.trim();
        var client = clients.findByUserId(given).or(() -> clients.findByUserId(given.toLowerCase(Locale.ROOT)));
        String userId = client.map(c -> c.getUserId()).orElse(given);
        if (client.isEmpty() || identity.createGroupQuery().groupMember(userId).groupId(AccessGroups.CLIENTS).count() == 0) {
            return;
        }
        Instant now = Time.now();
        if (resets.countByUserIdAndCreatedAtAfter(userId, now.minus(Duration.ofHours(1))) >= LINKS_PER_HOUR) {
            return;
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        PasswordReset reset = resets.save(new PasswordReset(userId, sha256(token), now, now.plus(validFor)));
        correspondent.send(new Correspondent.Letter("portal-password-reset/" + reset.getId(), null, client.get().getEmail(),
                client.get().getLocale(), "portal.password.reset", client.get().getFullName(), portalUrl + "#/reset/" + token,
                validFor.toMinutes()));
    }

    @Transactional
    void confirm(String token, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidInputException("password", "must have between " + MIN_PASSWORD + " and " + MAX_PASSWORD
                    + " characters");
        }
        Instant now = Time.now();
        PasswordReset reset = (token == null || token.isBlank() ? java.util.Optional.<PasswordReset>empty()
                : resets.findByTokenSha256(sha256(token.trim())))
                .filter(r -> r.usableAt(now))
                .orElseThrow(() -> new InvalidInputException("token",
                        "this link is invalid, expired or used already; ask for a new one"));
        User user = identity.createUserQuery().userId(reset.getUserId()).singleResult();
        if (user == null) {
            throw new InvalidInputException("token", "this link is invalid, expired or used already; ask for a new one");
        }
        user.setPassword(password);
        identity.saveUser(user);
        // Every other link of the account dies with this one.
        resets.findByUserIdAndUsedAtIsNull(reset.getUserId()).forEach(r -> r.use(now));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
