package com.engagementorchestrator.migration;

import com.engagementorchestrator.common.AsSystem;
import com.engagementorchestrator.common.ConflictException;
import com.engagementorchestrator.common.InvalidInputException;
import com.engagementorchestrator.common.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of older versions of a process to the latest (or a given) version with the engine's
 * migration API. The plan maps every activity to the one with the same id in the target (call activities and event
 * sub-processes included; a call activity's child stays on its own model and is migrated under its own key), and
 * updates an event's trigger only where the target's trigger differs (a new message name, a new timer definition):
 * updating an unchanged timer would restart its countdown from now. The dry run validates the plan and every instance
 * (each migrated in a transaction that is rolled back), and the migration itself runs as a batch.
 * <p>
 * Who may do this is decided by /api's rules (analysts and admins, SecurityConfiguration); the engine calls run without
 * the caller's engine authorizations, which give analysts no write access to instances anywhere else.
 */
@Service
public class ModelMigration {

    /** Instances validated one by one in the dry run, per source version; more are validated by the batch itself. */
    static final int INSTANCES_CHECKED = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ModelMigration.class);

    public record VersionCount(int version, String definitionId, long instances) {
    }

    public record KeyStatus(String key, String name, int latestVersion, long instancesOnOlderVersions,
                            List<VersionCount> versions) {
    }

    public record Instruction(String sourceActivityId, String targetActivityId, boolean updateEventTrigger) {
    }

    public record InstructionFailure(String sourceActivityId, String targetActivityId, List<String> failures) {
    }

    public record InstanceFailure(String processInstanceId, String businessKey, List<String> failures) {
    }

    public record SourceReport(int version, String definitionId, long instances, boolean valid,
                               List<Instruction> instructions, List<InstructionFailure> planFailures,
                               int instancesChecked, List<InstanceFailure> instanceFailures) {
    }

    public record Report(String key, int targetVersion, String targetDefinitionId, boolean valid,
                         List<SourceReport> sources) {
    }

    public record StartedBatch(int sourceVersion, String sourceDefinitionId, long instances, String batchId,
                               String status, String cockpit) {
    }

    public record Started(String key, int targetVersion, String targetDefinitionId, List<StartedBatch> batches) {
    }

    public record BatchStatus(String batchId, String type, int totalJobs, int jobsCreated, Integer remainingJobs,
                              Integer completedJobs, Integer failedJobs, boolean ended, String cockpit) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final IdentityService identity;
    private final TransactionTemplate rolledBack;

    ModelMigration(RepositoryService repository, RuntimeService runtime, ManagementService management,
                   HistoryService history, IdentityService identity, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.identity = identity;
        this.rolledBack = new TransactionTemplate(transactions);
    }

    /** Every process key with its versions that have running instances; keys with instances on older versions first. */
    public List<KeyStatus> overview() {
        return system(() -> repository.createProcessDefinitionQuery().latestVersion().unlimitedList().stream()
                .map(latest -> {
                    List<VersionCount> versions = versions(latest.getKey()).stream()
                            .map(d -> new VersionCount(d.getVersion(), d.getId(),
                                    runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count()))
                            .filter(v -> v.instances() > 0).toList();
                    long older = versions.stream().filter(v -> v.version() != latest.getVersion())
                            .mapToLong(VersionCount::instances).sum();
                    return new KeyStatus(latest.getKey(), latest.getName(), latest.getVersion(), older, versions);
                })
                .sorted(Comparator.comparing((KeyStatus s) -> s.instancesOnOlderVersions() == 0)
                        .thenComparing(KeyStatus::key))
                .toList());
    }

    /** The dry run: the plan of every source version and its validation, per plan and per instance. */
    public Report check(String key, Integer from, Integer to) {
        return system(() -> {
            ProcessDefinition target = target(key, to);
            List<SourceReport> sources = sources(key, from, target).stream().map(source -> report(source, target)).toList();
            return new Report(key, target.getVersion(), target.getId(), sources.stream().allMatch(SourceReport::valid),
                    sources);
        });
    }

    /** Validates like {@link #check} and, only if every plan and every checked instance is valid, starts the batches. */
    public Started migrate(String key, Integer from, Integer to, String user) {
        return system(() -> {
            ProcessDefinition target = target(key, to);
            List<ProcessDefinition> sources = sources(key, from, target);
            List<SourceReport> reports = sources.stream().map(source -> report(source, target)).toList();
            List<String> problems = reports.stream().filter(r -> !r.valid()).map(ModelMigration::summary).toList();
            if (!problems.isEmpty()) {
                throw new ConflictException("Nothing was migrated: " + String.join(" | ", problems)
                        + ". GET /api/migrations/" + key + " shows the whole validation report.");
            }
            List<StartedBatch> batches = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                ProcessDefinition source = sources.get(i);
                MigrationPlan plan = plan(source, target);
                Batch batch = runtime.newMigration(plan)
                        .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(source.getId()))
                        .executeAsync();
                LOG.info("{} started migrating {} instances of {} version {} to version {}: batch {}", user,
                        reports.get(i).instances(), key, source.getVersion(), target.getVersion(), batch.getId());
                batches.add(new StartedBatch(source.getVersion(), source.getId(), reports.get(i).instances(),
                        batch.getId(), "/api/migrations/batches/" + batch.getId(), cockpit(batch.getId())));
            }
            return new Started(key, target.getVersion(), target.getId(), batches);
        });
    }

    /** A migration batch while it runs (with its statistics) and after it ended (from history). */
    public BatchStatus batch(String batchId) {
        return system(() -> {
            BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
            if (running != null) {
                return new BatchStatus(running.getId(), running.getType(), running.getTotalJobs(),
                        running.getJobsCreated(), running.getRemainingJobs(), running.getCompletedJobs(),
                        running.getFailedJobs(), false, cockpit(batchId));
            }
            HistoricBatch ended = history.createHistoricBatchQuery().batchId(batchId).singleResult();
            if (ended == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(ended.getType())) {
                throw new NotFoundException("There is no migration batch " + batchId);
            }
            return new BatchStatus(ended.getId(), ended.getType(), ended.getTotalJobs(), ended.getTotalJobs(), 0,
                    null, 0, ended.getEndTime() != null, cockpit(batchId));
        });
    }

    private List<ProcessDefinition> versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion()
                .asc().unlimitedList();
    }

    private ProcessDefinition target(String key, Integer to) {
        List<ProcessDefinition> versions = versions(key);
        if (versions.isEmpty()) {
            throw new NotFoundException("There is no process with the key '" + key + "'");
        }
        if (to == null) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(d -> d.getVersion() == to).findFirst().orElseThrow(() ->
                new InvalidInputException("to", "process '" + key + "' has no version " + to + " (versions "
                        + versions.get(0).getVersion() + " to " + versions.get(versions.size() - 1).getVersion() + ")"));
    }

    /** The versions other than the target that have running instances (or the one asked for). */
    private List<ProcessDefinition> sources(String key, Integer from, ProcessDefinition target) {
        List<ProcessDefinition> versions = versions(key);
        if (from != null) {
            ProcessDefinition source = versions.stream().filter(d -> d.getVersion() == from).findFirst().orElseThrow(() ->
                    new InvalidInputException("from", "process '" + key + "' has no version " + from));
            if (source.getId().equals(target.getId())) {
                throw new InvalidInputException("from", "the instances are already on version " + from
                        + "; choose another source or target version");
            }
            if (instances(source) == 0) {
                throw new ConflictException("No running instances of '" + key + "' are on version " + from);
            }
            return List.of(source);
        }
        if (versions.size() == 1) {
            throw new ConflictException("Process '" + key + "' has only one version (" + target.getVersion()
                    + "); deploy a new version first");
        }
        List<ProcessDefinition> sources = versions.stream()
                .filter(d -> !d.getId().equals(target.getId()) && instances(d) > 0).toList();
        if (sources.isEmpty()) {
            throw new ConflictException("No running instances of '" + key + "' are on a version other than "
                    + target.getVersion());
        }
        return sources;
    }

    private long instances(ProcessDefinition definition) {
        return runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
    }

    private SourceReport report(ProcessDefinition source, ProcessDefinition target) {
        long instances = instances(source);
        MigrationPlan plan;
        try {
            plan = plan(source, target);
        } catch (MigrationPlanValidationException e) {
            List<InstructionFailure> failures = e.getValidationReport().getInstructionReports().stream()
                    .map(r -> new InstructionFailure(r.getMigrationInstruction().getSourceActivityId(),
                            r.getMigrationInstruction().getTargetActivityId(), r.getFailures()))
                    .toList();
            return new SourceReport(source.getVersion(), source.getId(), instances, false, List.of(), failures, 0,
                    List.of());
        }
        List<Instruction> instructions = plan.getInstructions().stream()
                .map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId(), i.isUpdateEventTrigger()))
                .toList();
        List<ProcessInstance> checked = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                .orderByProcessInstanceId().asc().listPage(0, INSTANCES_CHECKED);
        List<InstanceFailure> failures = checked.stream().map(instance -> dryRun(plan, instance))
                .filter(Objects::nonNull).toList();
        return new SourceReport(source.getVersion(), source.getId(), instances, failures.isEmpty(), instructions,
                List.of(), checked.size(), failures);
    }

    /** Migrates one instance in a transaction that is always rolled back: the engine's own validation, nothing kept. */
    private InstanceFailure dryRun(MigrationPlan plan, ProcessInstance instance) {
        return rolledBack.execute(status -> {
            status.setRollbackOnly();
            try {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                return null;
            } catch (MigratingProcessInstanceValidationException e) {
                return new InstanceFailure(instance.getId(), instance.getBusinessKey(), failures(e.getValidationReport()));
            } catch (RuntimeException e) {
                return new InstanceFailure(instance.getId(), instance.getBusinessKey(),
                        List.of(String.valueOf(e.getMessage())));
            }
        });
    }

    private static List<String> failures(MigratingProcessInstanceValidationReport report) {
        List<String> failures = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity -> activity.getFailures().forEach(failure ->
                failures.add("activity '" + activity.getSourceScopeId() + "': " + failure)));
        report.getTransitionInstanceReports().forEach(transition -> transition.getFailures().forEach(failure ->
                failures.add("activity '" + transition.getSourceScopeId() + "' (asynchronous continuation): " + failure)));
        return failures;
    }

    /**
     * Equal activities mapped by id; each instruction updates its event trigger only where the target's trigger
     * differs from the source's.
     */
    MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
        List<MigrationInstruction> equal = runtime.createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities().build().getInstructions();
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
        for (MigrationInstruction instruction : equal) {
            MigrationInstructionBuilder mapped = builder.mapActivities(instruction.getSourceActivityId(),
                    instruction.getTargetActivityId());
            builder = triggerChanged(sourceModel.getModelElementById(instruction.getSourceActivityId()),
                    targetModel.getModelElementById(instruction.getTargetActivityId()))
                    ? mapped.updateEventTrigger() : mapped;
        }
        return builder.build();
    }

    private static boolean triggerChanged(ModelElementInstance source, ModelElementInstance target) {
        if (!(source instanceof CatchEvent before) || !(target instanceof CatchEvent after)) {
            return false;
        }
        return !triggers(before).equals(triggers(after));
    }

    /** What starts a catch event, as text: message and signal names, timer and condition expressions. */
    private static List<String> triggers(CatchEvent event) {
        return event.getEventDefinitions().stream().map(ModelMigration::trigger).collect(Collectors.toList());
    }

    private static String trigger(EventDefinition definition) {
        if (definition instanceof MessageEventDefinition message) {
            return "message:" + (message.getMessage() == null ? "" : message.getMessage().getName());
        }
        if (definition instanceof SignalEventDefinition signal) {
            return "signal:" + (signal.getSignal() == null ? "" : signal.getSignal().getName());
        }
        if (definition instanceof TimerEventDefinition timer) {
            return "timer:" + text(timer.getTimeDate()) + "|" + text(timer.getTimeDuration()) + "|"
                    + text(timer.getTimeCycle());
        }
        if (definition instanceof ConditionalEventDefinition conditional) {
            return "condition:" + text(conditional.getCondition()) + "|" + conditional.getCamundaVariableName() + "|"
                    + conditional.getCamundaVariableEvents();
        }
        return definition.getElementType().getTypeName();
    }

    private static String text(BaseElement element) {
        return element == null ? "" : element.getTextContent().strip();
    }

    private static String summary(SourceReport report) {
        if (!report.planFailures().isEmpty()) {
            return "version " + report.version() + ": the plan is not valid: " + report.planFailures().stream()
                    .map(f -> f.sourceActivityId() + " → " + f.targetActivityId() + ": " + String.join("; ", f.failures()))
                    .collect(Collectors.joining("; "));
        }
        InstanceFailure first = report.instanceFailures().get(0);
        return "version " + report.version() + ": " + report.instanceFailures().size() + " of "
                + report.instancesChecked() + " checked instances cannot be migrated, e.g. " + first.processInstanceId()
                + (first.businessKey() == null ? "" : " (" + first.businessKey() + ")") + ": "
                + String.join("; ", first.failures());
    }

    private static String cockpit(String batchId) {
        return "/camunda/app/cockpit/default/#/batch?details=" + batchId;
    }

    private <T> T system(Supplier<T> work) {
        return AsSystem.call(identity, work);
    }
}
