package com.engagementorchestrator.client;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Colleagues of one company share its record, found by country and registration number; the database holds one row per
 * pair (unique index, V14). A registration with a number nobody used yet inserts the company in a short transaction of
 * its own, before the registration's transaction: of registrations racing with the same new number (on any node) one
 * insert wins, the others wait on the index only for that short transaction, are refused and read the winner's row in
 * a new transaction. Called outside any transaction, so it never holds one connection while waiting for another. A
 * registration that fails afterwards leaves the company row behind, with no client: it blocks no one and the next
 * colleague uses it.
 */
@Service
public class CompanyDirectory {

    private final Companies companies;
    private final TransactionTemplate transactions;

    public CompanyDirectory(Companies companies, PlatformTransactionManager transactionManager) {
        this.companies = companies;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The id of the company with this country and registration number, created with these details if there is none. */
    public long findOrCreate(String name, String registrationNumber, String country, Industry industry, String website) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Companies are found or created before the registration's transaction");
        }
        if (registrationNumber == null) {
            return transactions.execute(status -> companies.save(new Company(name, null, country, industry, website))).getId();
        }
        for (int attempt = 1; ; attempt++) {
            Long known = transactions.execute(status -> companies
                    .findFirstByCountryAndRegistrationNumberOrderByIdAsc(country, registrationNumber).map(Company::getId)
                    .orElse(null));
            if (known != null) {
                return known;
            }
            try {
                return transactions.execute(status -> companies.saveAndFlush(
                        new Company(name, registrationNumber, country, industry, website))).getId();
            } catch (DataIntegrityViolationException raced) {
                // a colleague's registration inserted it first (committed, or rolled back: then try again)
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    /** The company in the caller's transaction. */
    public Company get(long id) {
        return companies.getReferenceById(id);
    }
}
