package com.engagementorchestrator.screening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementorchestrator.support.IntegrationTest;
import com.engagementorchestrator.support.RegistryStubs;
import com.engagementorchestrator.support.TestInfrastructure;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

/** The DaData-style registry adapter against a real HTTP server (WireMock). */
@IntegrationTest
class HttpCompanyRegistryTest {

    @Autowired CompanyRegistry registry;
    @Autowired RestClient.Builder builder;

    @BeforeEach
    void reset() {
        RegistryStubs.reset();
    }

    @Test
    void readsLegalStateAndCourtCasesAndSendsTheToken() {
        RegistryStubs.company("7707083893", "LIQUIDATING", 3, 1);

        CompanyFacts facts = registry.lookUp("RU", "7707083893");

        assertThat(facts).isEqualTo(new CompanyFacts(CompanyStatus.LIQUIDATING, 3, 1, "registry: ООО Вектор"));
        TestInfrastructure.registry().verify(postRequestedFor(urlEqualTo(RegistryStubs.PATH))
                .withHeader("Authorization", equalTo("Token test-token"))
                .withRequestBody(equalToJson("{\"query\": \"7707083893\"}")));
    }

    @Test
    void noSuggestionMeansNotFound() {
        RegistryStubs.unknown("7736207543");
        assertThat(registry.lookUp("RU", "7736207543").status()).isEqualTo(CompanyStatus.NOT_FOUND);
    }

    @Test
    void serverErrorsAreTemporary() {
        RegistryStubs.down();
        assertThatThrownBy(() -> registry.lookUp("RU", "7707083893"))
                .isInstanceOfSatisfying(CompanyRegistryUnavailableException.class, e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageContaining("did not answer");
    }

    @Test
    void anUnknownStatusIsNotGuessed() {
        RegistryStubs.company("7707083893", "SUSPENDED_BY_ALIENS", 0, 0);
        assertThatThrownBy(() -> registry.lookUp("RU", "7707083893")).hasMessageContaining("unknown status");
    }

    @Test
    void aSlowRegistryTimesOut() {
        TestInfrastructure.registry().stubFor(post(urlEqualTo(RegistryStubs.PATH))
                .willReturn(aResponse().withFixedDelay(2000).withBody("{\"suggestions\": []}")));
        var impatient = new HttpCompanyRegistry(new CompanyRegistryProperties(TestInfrastructure.registry().baseUrl(),
                "t", Set.of("RU"), Duration.ofSeconds(1), Duration.ofMillis(300)), builder);

        assertThatThrownBy(() -> impatient.lookUp("RU", "7707083893"))
                .isInstanceOfSatisfying(CompanyRegistryUnavailableException.class, e -> assertThat(e.isPermanent()).isFalse());
    }

    @Test
    void otherCountriesAreNotCovered() {
        assertThat(registry.covers("DE")).isFalse();
        assertThatThrownBy(() -> registry.lookUp("DE", "HRB 12345"))
                .isInstanceOfSatisfying(CompanyRegistryUnavailableException.class, e -> assertThat(e.isPermanent()).isTrue());
    }

    @Test
    void withoutABaseUrlNothingIsCovered() {
        var none = new HttpCompanyRegistry(new CompanyRegistryProperties("", "", Set.of("RU"), Duration.ofSeconds(1),
                Duration.ofSeconds(1)), builder);
        assertThat(none.covers("RU")).isFalse();
    }
}
