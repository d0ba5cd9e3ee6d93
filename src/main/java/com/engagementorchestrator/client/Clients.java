package com.engagementorchestrator.client;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Clients extends JpaRepository<Client, Long> {

    // Queries on the registration path are written out: Hibernate 6.6 translates a derived (criteria) query anew on
    // every call, a written one once.
    @Query("select c from Client c where c.userId = :userId")
    Optional<Client> findByUserId(@Param("userId") String userId);

    /** The client, locked until the transaction ends: one client's concurrent requests are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Client c where c.userId = :userId")
    Optional<Client> lockByUserId(@Param("userId") String userId);

    /** Whether an address is taken; addresses are stored in lower case (see RegistrationService), so the unique index serves. */
    @Query("select case when count(c) > 0 then true else false end from Client c where c.email = lower(:email)")
    boolean existsByEmail(@Param("email") String email);
}
