package org.mineralsupplygraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.mineralsupplygraph.system.NotFoundException;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web code stays off the driver; feature packages stay apart; the shared packages (system, graph, and the supply reach
 * that the importer keeps and the exposure queries read) depend on no feature.
 */
@AnalyzeClasses(packages = "org.mineralsupplygraph", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersNeverTouchTheDriver = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.neo4j.driver..");

    /** The analytics build on the exposure endpoints' supply paths; no other feature uses another. */
    @ArchTest
    static final ArchRule featuresAreIndependent = slices().matching(
                    "org.mineralsupplygraph.(exposure|catalog|importer|analytics)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(
                    JavaClass.Predicates.resideInAPackage("org.mineralsupplygraph.analytics.."),
                    JavaClass.Predicates.resideInAPackage("org.mineralsupplygraph.exposure.."));

    @ArchTest
    static final ArchRule sharedPackagesDependOnNoFeature = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.mineralsupplygraph.system..",
                    "org.mineralsupplygraph.graph..",
                    "org.mineralsupplygraph.reach..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.mineralsupplygraph.exposure..",
                    "org.mineralsupplygraph.catalog..",
                    "org.mineralsupplygraph.importer..",
                    "org.mineralsupplygraph.analytics..");

    /** A 404 for a name the graph does not hold is worded in one place (Named), whichever endpoint was asked. */
    @ArchTest
    static final ArchRule notFoundChecksGoThroughNamed = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("org.mineralsupplygraph.system.Named")
            // A mineral without world production figures is not a missing name.
            .and()
            .doNotHaveFullyQualifiedName("org.mineralsupplygraph.analytics.ConcentrationService")
            .should()
            .callConstructor(NotFoundException.class, String.class, String.class, String.class);
}
