package com.engagementorchestrator.authority;

import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/** Detects a file's type from its bytes (magic numbers), never from its name. */
@Component
class DocumentTypes {

    static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png");

    private final Tika tika = new Tika();

    String detect(byte[] content) {
        return tika.detect(content);
    }
}
