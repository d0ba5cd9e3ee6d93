package com.engagementorchestrator.client;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Companies extends JpaRepository<Company, Long> {

    /** The company of a registration number (the oldest, should two ever exist). */
    default Optional<Company> findFirstByCountryAndRegistrationNumberOrderByIdAsc(String country, String registrationNumber) {
        return findByCountryAndRegistrationNumber(country, registrationNumber).stream().findFirst();
    }

    // Written out rather than derived: Hibernate 6.6 translates a derived (criteria) query anew on every call.
    @Query("select c from Company c where c.country = :country and c.registrationNumber = :number order by c.id")
    List<Company> findByCountryAndRegistrationNumber(@Param("country") String country, @Param("number") String registrationNumber);
}
