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
}
