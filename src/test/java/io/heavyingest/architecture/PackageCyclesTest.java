package io.heavyingest.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's packages form no cycle, and each keeps the boundary its package-info.java describes. */
class PackageCyclesTest {
    private static final String ROOT = "io.heavyingest";
    private static final PackageGraph MAIN = PackageGraph.of(ROOT, Path.of("src/main/java"));

    @Test
    void mainSources_everyPackage_shouldFormNoImportCycle() {
        assertThat(MAIN.packages()).as("the scan found the product's packages").contains(ROOT + ".delivery",
                ROOT + ".warehouse", ROOT + ".heavydb", ROOT + ".app");
        assertThat(MAIN.cycles()).as("package cycles").isEmpty();
    }

    @Test
    void graph_withATwoPackageCycle_shouldReportIt() {
        PackageGraph g = new PackageGraph(ROOT);
        g.addSource("package io.heavyingest.a;\nimport io.heavyingest.b.B;\nclass A {}");
        g.addSource("package io.heavyingest.b;\nclass B { io.heavyingest.c.C c; }");
        g.addSource("package io.heavyingest.c;\nimport io.heavyingest.a.*;\nclass C {}");
        g.addSource("package io.heavyingest.d;\n// io.heavyingest.a.A in a comment is not a use\nclass D {}");

        assertThat(g.cycles()).containsExactly(List.of(ROOT + ".a", ROOT + ".b", ROOT + ".c"));
        assertThat(g.uses(ROOT + ".d")).isEmpty();
    }

    @Test
    void heavyDbClient_standsAlone_shouldUseNoOtherProductPackage() {
        assertThat(MAIN.uses(ROOT + ".heavydb")).isEmpty();
    }

    @Test
    void leaves_textJsonCsv_shouldNotReachIntoTheServices() {
        assertThat(MAIN.uses(ROOT + ".text")).isEmpty();
        assertThat(MAIN.uses(ROOT + ".json")).isEmpty();
        assertThat(MAIN.uses(ROOT + ".csv")).containsOnly(ROOT + ".text");
    }

    @Test
    void compositionRoot_onlyAppAndTheEntryPoints_shouldChooseTheWarehouseImplementation() {
        for (String pkg : MAIN.packages()) {
            if (pkg.equals(ROOT + ".app") || pkg.startsWith(ROOT + ".warehouse.")) {
                continue;
            }
            assertThat(MAIN.uses(pkg)).as(pkg + " uses").doesNotContain(ROOT + ".warehouse.duckdb",
                    ROOT + ".warehouse.heavydb");
        }
    }
}
