package org.survivorvoice.storage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.TestAccounts;

/** /actuator/health: UP when the database answers; staff see which engine runs. */
@IntegrationTest
class StorageHealthIT {

    @Autowired
    WebTestClient client;

    @Test
    void strangersSeeOnlyTheStatus() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void anAdministratorSeesTheEngineAndThatTheDatabaseAnswers() {
        client.get().uri("/actuator/health").headers(h -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.storage.status").isEqualTo("UP")
                .jsonPath("$.components.storage.details.engine").value(engine ->
                        org.assertj.core.api.Assertions.assertThat((String) engine).startsWith("in-process mongo-java-server (H2 file "))
                .jsonPath("$.components.mongodb").doesNotExist();
    }
}
