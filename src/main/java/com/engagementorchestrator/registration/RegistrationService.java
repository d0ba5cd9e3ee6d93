package com.engagementorchestrator.registration;

import com.engagementorchestrator.breach.BlockService;
import com.engagementorchestrator.client.Client;
import com.engagementorchestrator.client.Clients;
import com.engagementorchestrator.client.CompanyDirectory;
import com.engagementorchestrator.client.Company;
import com.engagementorchestrator.client.Industry;
import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.common.NotFoundException;
import com.engagementorchestrator.correspondence.Correspondent;
import com.engagementorchestrator.engagement.Engagement;
import com.engagementorchestrator.engagement.EngagementLifecycle;
import com.engagementorchestrator.engagement.EngagementNumbers;
import com.engagementorchestrator.engagement.EngagementStatus;
import com.engagementorchestrator.engagement.Engagements;
import com.engagementorchestrator.security.UserAccounts;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a client: client, engine user, engagement and the started process in one transaction, so a failure at any
 * step leaves none of them behind (the company is found or created just before, see {@link CompanyDirectory}).
 */
@Service
public class RegistrationService {

    private final IntakeValidator validator;
    private final UserAccounts accounts;
    private final CompanyDirectory companyDirectory;
    private final Clients clients;
    private final Engagements engagements;
    private final EngagementNumbers numbers;
    private final EngagementLifecycle lifecycle;
    private final Correspondent correspondent;
    /** The client portal, where a letter's link opens the engagement's open task. */
    private final String portalUrl;
    private final BlockService blocks;
    private final TransactionTemplate transactions;
    private final RegistrationMetrics metrics;
    /** Open (running) engagements a client may have at once; more are refused until one ends. */
    @Value("${engagement.max-open-engagements-per-client:5}")
    private int maxOpenEngagements;

    public RegistrationService(IntakeValidator validator, UserAccounts accounts, CompanyDirectory companyDirectory, Clients clients,
                               Engagements engagements, EngagementNumbers numbers, EngagementLifecycle lifecycle,
                               Correspondent correspondent, BlockService blocks,
                               PlatformTransactionManager transactionManager, RegistrationMetrics metrics,
                               @Value("${engagement.public-url}") String publicUrl) {
        this.metrics = metrics;
        this.blocks = blocks;
        this.transactions = new TransactionTemplate(transactionManager);
        this.validator = validator;
        this.accounts = accounts;
        this.companyDirectory = companyDirectory;
        this.clients = clients;
        this.engagements = engagements;
        this.numbers = numbers;
        this.lifecycle = lifecycle;
        this.correspondent = correspondent;
        this.portalUrl = publicUrl + "/portal/#/engagement/";
    }

    /**
     * The company is found or created first, in a short transaction of its own (colleagues registering at once share
     * one row, {@link CompanyDirectory}); everything else is one transaction.
     */
    public Engagement register(RegistrationRequest request) {
        validator.validate(request);
        blocks.refuseRegistrationIfBlocked(request.email(), request.country(), request.registrationNumber());
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (isRegistered(email)) {
            throw alreadyRegistered(email);
        }
        long companyId = companyDirectory.findOrCreate(IntakeValidator.blankToNull(request.companyName()),
                IntakeValidator.blankToNull(request.registrationNumber()), request.country(),
                Industry.valueOf(request.industry()), IntakeValidator.blankToNull(request.website()));
        return transactions.execute(status -> register(request, email, companyDirectory.get(companyId)));
    }

    private Engagement register(RegistrationRequest request, String email, Company company) {
        blocks.refuseRegistrationIfBlocked(request.email(), request.country(), request.registrationNumber());
        if (clients.existsByEmail(email) || accounts.exists(email)) {
            throw alreadyRegistered(email);
        }
        Client client;
        try {
            // The client row first: its unique e-mail makes a concurrent registration of the same address on another
            // node wait here until the first one ends, and be refused if it committed.
            client = clients.saveAndFlush(new Client(email, request.fullName().trim(),
                    IntakeValidator.blankToNull(request.phone()), IntakeValidator.blankToNull(request.position()),
                    request.locale(), company));
        } catch (DataIntegrityViolationException taken) {
            throw alreadyRegistered(email);
        }
        accounts.createClient(email, request.fullName().trim(), request.password());
        return open(client, request.project(), true);
    }

    private static ConflictException alreadyRegistered(String email) {
        return new ConflictException("The e-mail address " + email + " is already registered; log in and start a "
                + "new engagement with POST /api/engagements");
    }

    @Transactional(readOnly = true)
    public boolean isRegistered(String email) {
        return clients.existsByEmail(email.trim().toLowerCase(Locale.ROOT));
    }

    private static final Set<EngagementStatus> RUNNING = EnumSet.of(EngagementStatus.ACTIVE, EngagementStatus.BLOCKED);

    /** A further engagement of a registered client. */
    @Transactional
    public Engagement startEngagement(String userId, ProjectDetails project) {
        Client client = clients.lockByUserId(userId)
                .orElseThrow(() -> new NotFoundException("Only registered clients can start an engagement"));
        if (engagements.countByClientIdAndStatusIn(client.getId(), RUNNING) >= maxOpenEngagements) {
            throw new ConflictException("You have " + maxOpenEngagements + " open engagements, the most a client can have at "
                    + "once; a new one can start when one of them has ended");
        }
        validator.validate(project);
        blocks.refuseEngagementIfBlocked(client.getId(), client.getCompany().getId());
        return open(client, project, false);
    }

    private Engagement open(Client client, ProjectDetails project, boolean newClient) {
        Engagement engagement = engagements.save(new Engagement(numbers.next(), client, IntakeValidator.intake(project)));
        lifecycle.start(engagement);
        correspondent.send(new Correspondent.Letter("registration-received/" + engagement.getNumber(), engagement.getId(),
                client.getEmail(), client.getLocale(), "registration.received", client.getFullName(),
                engagement.getNumber(), portalUrl + engagement.getNumber()));
        metrics.opened(newClient);
        return engagement;
    }
}
