package org.survivorvoice.erasure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErasureReferenceTest {

    @Test
    void caseSpacesAndLookalikeLettersAreForgiven() {
        assertThat(Erasure.normalise("SV-7K3Q-9D2M")).isEqualTo("SV-7K3Q-9D2M");
        assertThat(Erasure.normalise(" sv-7k3q-9d2m ")).isEqualTo("SV-7K3Q-9D2M");
        assertThat(Erasure.normalise("SV-7K3Q - 9D2M")).isEqualTo("SV-7K3Q-9D2M");
        assertThat(Erasure.normalise("SV-O0IL-9D2M")).isEqualTo("SV-0011-9D2M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SV-", "SV-7K3Q", "SV-7K3Q-9D2", "SV-7K3Q-9D2MM", "XX-7K3Q-9D2M", "SV-7K3U-9D2M", "SV_7K3Q_9D2M",
            "SV-7K3Q-9D2M; drop", "../../etc/passwd"})
    void anythingElseIsNotAReference(String text) {
        assertThat(Erasure.normalise(text)).isNull();
    }
}
