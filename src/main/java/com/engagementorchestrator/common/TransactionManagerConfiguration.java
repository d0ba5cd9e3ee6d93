package com.engagementorchestrator.common;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Replaces Spring Boot's JPA transaction manager (the engine uses it too) with {@link ConnectionReleasingTransactionManager}. */
@Configuration(proxyBeanMethods = false)
class TransactionManagerConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers) {
        ConnectionReleasingTransactionManager manager = new ConnectionReleasingTransactionManager();
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
