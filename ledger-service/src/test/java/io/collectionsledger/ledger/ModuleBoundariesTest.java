package io.collectionsledger.ledger;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module map of the README, enforced. */
@AnalyzeClasses(packages = "io.collectionsledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule thePublishedLanguageHasNoFrameworkInIt = noClasses()
            .that().resideInAPackage("io.collectionsledger.contracts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.fasterxml..",
                    "io.collectionsledger.ledger..", "io.collectionsledger.projections..");

    /** Once stored, an event's shape changes only with a new revision and an upcaster. */
    @ArchTest
    static final ArchRule everyEventHasARevision = classes()
            .that().implement("io.collectionsledger.contracts.shared.AccountEvent")
            .should().beAnnotatedWith("org.axonframework.serialization.Revision")
            .andShould().beRecords();

    @ArchTest
    static final ArchRule projectionsKnowOnlyTheEventsNotTheService = noClasses()
            .that().resideInAPackage("io.collectionsledger.projections..")
            .should().dependOnClassesThat().resideInAPackage("io.collectionsledger.ledger..");

    @ArchTest
    static final ArchRule projectionsNeverWriteEventsNorSendCommands = noClasses()
            .that().resideInAPackage("io.collectionsledger.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..", "org.axonframework.modelling..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventhandling.EventBus")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventhandling.gateway.EventGateway")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventsourcing.eventstore.EventStore");

    @ArchTest
    static final ArchRule theDomainKnowsNothingOfHttpOrPersistence = noClasses()
            .that().resideInAPackage("io.collectionsledger.ledger.account..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                    "java.net.http..", "io.collectionsledger.ledger.web..", "io.collectionsledger.ledger.http..", "io.collectionsledger.ledger.command..",
                    "io.collectionsledger.ledger.query..", "io.collectionsledger.ledger.config..");

    @ArchTest
    static final ArchRule commandHandlingKnowsNothingOfHttp = noClasses()
            .that().resideInAPackage("io.collectionsledger.ledger.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.collectionsledger.ledger.web..", "io.collectionsledger.ledger.http..",
                    "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..");

    /** Each package of the service can be read knowing only those below it: what every request carries (http) below web and query, security above web. */
    @ArchTest
    static final ArchRule theServicesPackagesFormNoCycle = slices().matching("io.collectionsledger.ledger.(*)..").should().beFreeOfCycles();

    /** The same within the read models, and between the modules themselves. */
    @ArchTest
    static final ArchRule theReadModelsPackagesFormNoCycle = slices().matching("io.collectionsledger.projections.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theModulesFormNoCycle = slices().matching("io.collectionsledger.(*)..").should().beFreeOfCycles();

    /** A command asks for something to be done, so its name starts with the verb: RecordDelivery, SendDunningLetter. */
    @ArchTest
    static final ArchRule commandsAreNamedAsImperatives = classes()
            .that().implement("io.collectionsledger.contracts.shared.AccountCommand")
            .should().haveNameMatching(".*\\.(" + String.join("|", Naming.VERBS) + ")[A-Z][A-Za-z]*")
            .because("a command is an imperative: " + String.join(", ", Naming.VERBS) + " (add a verb here when a command needs one)");

    /** An event is a fact that happened, so its name ends in the past tense: DeliveryRecorded, PaymentPromiseBroken. */
    @ArchTest
    static final ArchRule eventsAreNamedInThePastTense = classes()
            .that().implement("io.collectionsledger.contracts.shared.AccountEvent")
            .should().haveNameMatching(".*\\.[A-Z][A-Za-z]*(ed|" + String.join("|", Naming.IRREGULAR_PAST) + ")")
            .because("an event is a past fact: a regular participle (...ed) or one of " + String.join(", ", Naming.IRREGULAR_PAST));

    private static final class Naming {
        static final java.util.List<String> VERBS = java.util.List.of("Agree", "Apply", "Assign", "Change", "Classify", "Close",
                "Confirm", "Correct", "File", "Flag", "Issue", "Log", "Raise", "Record", "Refund", "Register", "Resolve", "Resume",
                "Reverse", "Send", "Set", "Suspend", "Write");
        static final java.util.List<String> IRREGULAR_PAST = java.util.List.of("Broken", "Held", "Kept", "Paid", "Sent", "Set", "Withdrawn", "WrittenOff");
    }
}
