package io.hookgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/DESIGN.md, checked on the main classes. Plain Jupiter tests over ArchUnit's core API
 * (not its test engine), so they run like every other test of the suite.
 */
class PackageRulesTest {

    private static final String ROOT = "io.hookgate";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void noPackageOrSubPackageIsPartOfACycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void deliveryNeverReachesBackIntoIntake() {
        noClasses().that().resideInAPackage(ROOT + ".delivery..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".intake..").check(main);
    }

    @Test
    void egressAndSigningDependOnNoOtherHookgatePackage() {
        for (String leaf : new String[] {"egress", "signing"}) {
            classes().that().resideInAPackage(ROOT + "." + leaf + "..")
                    .should().onlyDependOnClassesThat(isOutsideHookgateOr(leaf)).check(main);
        }
    }

    @Test
    void deliveryPoliciesArePureJava() {
        classes().that().resideInAPackage(ROOT + ".delivery.policy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".delivery.policy..", "java..")
                .check(main);
    }

    @Test
    void apiPlumbingImportsNoFeature() {
        classes().that().resideInAPackage(ROOT + ".api..")
                .should().onlyDependOnClassesThat(isOutsideHookgateOr("api")).check(main);
    }

    @Test
    void opsImportsOnlyTheApiAndTheBootChecksItRuns() {
        noClasses().that().resideInAPackage(ROOT + ".ops..").should().dependOnClassesThat()
                .resideInAnyPackage(features("intake", "delivery", "subscription", "challenge", "event", "egress",
                        "signing", "inbound", "retention", "pull")).check(main);
    }

    @Test
    void subscriptionAndTenantNeverImportTheFlow() {
        noClasses().that().resideInAnyPackage(features("subscription", "tenant"))
                .should().dependOnClassesThat().resideInAnyPackage(features("intake", "delivery")).check(main);
    }

    @Test
    void pullIsReachedFromTheFlowOnlyThroughItsWakeupSeam() {
        noClasses().that().resideInAPackage(ROOT + ".intake..").should().dependOnClassesThat(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + ".pull..")
                        .and(DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass.Predicates
                                .resideInAPackage(ROOT + ".pull.wake..")))).check(main);
        noClasses().that().resideInAnyPackage(features("delivery", "subscription", "tenant", "retention"))
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".pull..").check(main);
        classes().that().resideInAPackage(ROOT + ".pull.wake..")
                .should().onlyDependOnClassesThat(isOutsideHookgateOr("pull.wake")).check(main);
    }

    private static DescribedPredicate<JavaClass> isOutsideHookgateOr(String own) {
        return DescribedPredicate.describe("outside " + ROOT + " or in " + own,
                c -> !c.getPackageName().startsWith(ROOT + ".") || c.getPackageName().equals(ROOT + "." + own)
                        || c.getPackageName().startsWith(ROOT + "." + own + "."));
    }

    private static String[] features(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = ROOT + "." + names[i] + "..";
        }
        return packages;
    }
}
