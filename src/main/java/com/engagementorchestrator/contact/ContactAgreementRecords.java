package com.engagementorchestrator.contact;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored contact agreements, by engagement id. */
public interface ContactAgreementRecords extends JpaRepository<ContactAgreement, Long> {
}
