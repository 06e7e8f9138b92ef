package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which operations the document says need a key: writes, and with OPEN_READS=false every operation. */
class ApiDocumentationTest {

    private static OpenAPI document(boolean openReads) {
        OpenAPI openApi = new OpenAPI()
                .components(new Components())
                .paths(new Paths()
                        .addPathItem("/api/exposure", new PathItem().get(new Operation()))
                        .addPathItem("/api/import", new PathItem().post(new Operation()))
                        .addPathItem("/api/scenarios/disruption", new PathItem().post(new Operation())));
        new ApiDocumentation()
                .problemsAndSecurity(new ApiSecurityProperties(List.of(), openReads))
                .customise(openApi);
        return openApi;
    }

    private static boolean keyed(OpenAPI openApi, String path, PathItem.HttpMethod method) {
        Operation operation = openApi.getPaths().get(path).readOperationsMap().get(method);
        return operation.getSecurity() != null
                && !operation.getSecurity().isEmpty()
                && operation.getResponses().containsKey("401");
    }

    @Test
    void withOpenReadsOnlyWritesNeedAKey() {
        OpenAPI open = document(true);
        assertThat(keyed(open, "/api/import", PathItem.HttpMethod.POST)).isTrue();
        assertThat(keyed(open, "/api/exposure", PathItem.HttpMethod.GET)).isFalse();
        assertThat(keyed(open, "/api/scenarios/disruption", PathItem.HttpMethod.POST))
                .isFalse();
        assertThat(open.getComponents().getSchemas()).containsKey("ProblemDetail");
    }

    @Test
    void withClosedReadsEveryOperationNeedsAKey() {
        OpenAPI closed = document(false);
        assertThat(keyed(closed, "/api/import", PathItem.HttpMethod.POST)).isTrue();
        assertThat(keyed(closed, "/api/exposure", PathItem.HttpMethod.GET)).isTrue();
        assertThat(keyed(closed, "/api/scenarios/disruption", PathItem.HttpMethod.POST))
                .isTrue();
    }
}
