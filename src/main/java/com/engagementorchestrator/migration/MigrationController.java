package com.engagementorchestrator.migration;

import com.engagementorchestrator.common.InvalidInputException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Migration of running instances to another model version, for analysts and admins (SecurityConfiguration):
 * {@code GET /api/migrations} (keys with instances on older versions), {@code GET /api/migrations/{key}} (the dry run:
 * plan and validation report), {@code POST /api/migrations/{key}} (starts the batches), {@code GET
 * /api/migrations/batches/{id}} (follow a batch), and the page at /migration. {@code from} and {@code to} are
 * versions; without them every older version with running instances goes to the latest.
 */
@Controller
class MigrationController {

    private final ModelMigration migration;

    MigrationController(ModelMigration migration) {
        this.migration = migration;
    }

    @GetMapping("/api/migrations")
    @ResponseBody
    List<ModelMigration.KeyStatus> overview() {
        return migration.overview();
    }

    @GetMapping("/api/migrations/{key}")
    @ResponseBody
    ModelMigration.Report check(@PathVariable String key, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        return migration.check(key, version("from", from), version("to", to));
    }

    @PostMapping("/api/migrations/{key}")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    ModelMigration.Started migrate(@PathVariable String key, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to, Principal caller) {
        return migration.migrate(key, version("from", from), version("to", to), caller.getName());
    }

    @GetMapping("/api/migrations/batches/{batchId}")
    @ResponseBody
    ModelMigration.BatchStatus batch(@PathVariable String batchId) {
        return migration.batch(batchId);
    }

    @GetMapping("/migration")
    String page() {
        return "forward:/migration.html";
    }

    private static Integer version(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int version = Integer.parseInt(text.trim());
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, "a version number (1, 2, ...), not \"" + text + "\"");
    }
}
