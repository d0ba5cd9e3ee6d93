package com.engagementorchestrator.reference;

import com.engagementorchestrator.client.Industry;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public reference data for the registration form. */
@RestController
class ReferenceController {

    record IndustryView(String code, String nameEn, String nameRu) {
    }

    @GetMapping("/api/reference/industries")
    List<IndustryView> industries() {
        return Arrays.stream(Industry.values()).map(i -> new IndustryView(i.name(), i.nameEn(), i.nameRu())).toList();
    }
}
