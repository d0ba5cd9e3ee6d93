package com.engagementorchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature packages stay honest: no cycles, the shared kernel depends on no feature, the engine stays at the edges. */
@AnalyzeClasses(packages = "com.engagementorchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.engagementorchestrator.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses().that().resideInAPackage("..common..")
            .should().dependOnClassesThat().resideInAnyPackage("..client..", "..engagement..", "..screening..",
                    "..authority..", "..correspondence..", "..registration..", "..overview..",
                    "com.engagementorchestrator.security..", "..deposit..", "..materials..", "..breach..", "..promise..", "..reminder..");

    @ArchTest
    static final ArchRule clientsKnowNothingOfEngagements = noClasses().that().resideInAPackage("..client..")
            .should().dependOnClassesThat().resideInAnyPackage("..engagement..", "..screening..", "..authority..");

    @ArchTest
    static final ArchRule domainFeaturesDoNotReachIntoTheWebLayer = noClasses()
            .that().resideInAnyPackage("..screening..", "..authority..", "..engagement..", "..correspondence..",
                    "..deposit..", "..materials..", "..reminder..", "..breach..", "..promise..", "..protocol..", "..contact..", "..reply..")
            .should().dependOnClassesThat().resideInAnyPackage("..registration..", "..overview..", "..reference..", "..dispute..",
                    "..stats..", "..monitoring..");

    /** The promise record is a ledger others write to; it knows no feature. */
    @ArchTest
    static final ArchRule promisesKnowNoFeature = noClasses().that().resideInAPackage("..promise..")
            .should().dependOnClassesThat().resideInAnyPackage("..engagement..", "..deposit..", "..materials..",
                    "..authority..", "..breach..", "..screening..");

    /** Breach and blocking work on any engagement through events and the engine, never through a feature's internals. */
    @ArchTest
    static final ArchRule breachKnowsNoObligationFeature = noClasses().that().resideInAPackage("..breach..")
            .should().dependOnClassesThat().resideInAnyPackage("..deposit..", "..materials..", "..authority..");

    @ArchTest
    static final ArchRule correspondenceIsAGenericOutbox = noClasses().that().resideInAPackage("..correspondence..")
            .should().dependOnClassesThat().resideInAnyPackage("..engagement..", "..screening..", "..authority..", "..client..");

    @ArchTest
    static final ArchRule webLayerDoesNotTalkToTheEngineDirectly = noClasses()
            .that().resideInAnyPackage("..registration..", "..overview..", "..reference..", "..stats..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..");

    /** Process adapters (delegates, task listeners) live in the feature whose use case they call. */
    @ArchTest
    static final ArchRule processAdaptersLiveInTheirFeature = noClasses()
            .that().resideOutsideOfPackages("..screening..", "..authority..", "..engagement..", "..common..",
                    "..deposit..", "..materials..", "..reminder..", "..breach..", "..protocol..", "..closure..", "..complaint..", "..delivery..",
                    "..contact..", "..reply..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..");

    /** The phase comes from the model (issue 12): only the model's phase listener moves an engagement into a phase. */
    @ArchTest
    static final ArchRule onlyTheModelEntersPhases = noClasses()
            .that().doNotHaveFullyQualifiedName("com.engagementorchestrator.engagement.ModelPhasesPlugin")
            .should().callMethod(com.engagementorchestrator.engagement.EngagementLifecycle.class, "enterPhase",
                    long.class, com.engagementorchestrator.engagement.EngagementPhase.class)
            .because("an element's extension property 'phase' sets the phase (ModelPhasesPlugin), no use case does");

    /**
     * queryMaxResultsLimit refuses an unbounded list() whenever a user is authenticated on the engine, which includes
     * listeners and delegates running inside that user's REST call: our own code asks for unlimitedList() instead.
     */
    @ArchTest
    static final ArchRule engineQueriesAreNotBoundByTheRestLimit = noClasses()
            .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("list"))
                    .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.assignableTo(org.camunda.bpm.engine.query.Query.class)))))
            .because("queryMaxResultsLimit applies to list() of an authenticated user; use unlimitedList()");

    /** Reading, writing or removing one variable by name; the maps (setVariablesLocal with declared keys) are not it. */
    private static final java.util.Set<String> VARIABLE_BY_NAME = java.util.Set.of("getVariable", "getVariableLocal",
            "getVariableTyped", "getVariableLocalTyped", "setVariable", "setVariableLocal", "removeVariable", "removeVariableLocal");

    private static final java.util.List<Class<?>> VARIABLE_HOLDERS = java.util.List.of(
            org.camunda.bpm.engine.delegate.VariableScope.class, org.camunda.bpm.engine.RuntimeService.class,
            org.camunda.bpm.engine.TaskService.class, org.camunda.bpm.engine.runtime.MessageCorrelationBuilder.class);

    /**
     * Typed variables (issue 12): a variable is named, typed and scoped once, in its process facade
     * ({@link com.engagementorchestrator.common.ProcessVariable}), and read and written only through that declaration.
     * Allowed to touch the engine's variables by name: ProcessVariable itself; common.TaskForms, which parses submitted
     * form fields (text or numbers as typed) and takes their declarations, or names made at run time (one field per
     * brief item, per protocol clause); and the forms package's guarded engine services, which decorate those very
     * methods. Tests may still read variables raw.
     */
    @ArchTest
    static final ArchRule variablesAreReadAndWrittenThroughTheirDeclarations = noClasses()
            .that().doNotHaveFullyQualifiedName(com.engagementorchestrator.common.ProcessVariable.class.getName())
            .and().doNotHaveFullyQualifiedName(com.engagementorchestrator.common.TaskForms.class.getName())
            .and().doNotHaveFullyQualifiedName("com.engagementorchestrator.forms.GuardedTaskService")
            .and().doNotHaveFullyQualifiedName("com.engagementorchestrator.forms.GuardedFormService")
            .and().doNotHaveFullyQualifiedName("com.engagementorchestrator.forms.TaskFormGuard")
            .should().accessTargetWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a variable of the engine by name", (com.tngtech.archunit.core.domain.JavaAccess<?> access) ->
                            VARIABLE_BY_NAME.contains(access.getTarget().getName()) && VARIABLE_HOLDERS.stream()
                                    .anyMatch(holder -> access.getTarget().getOwner().isAssignableTo(holder))))
            .because("each variable is declared once, with its type and scope, in its process facade; "
                    + "use the declaration's get/set (common.ProcessVariable)");
}
