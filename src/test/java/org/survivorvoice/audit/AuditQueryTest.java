package org.survivorvoice.audit;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class AuditQueryTest {

    private static MultiValueMap<String, String> params(String... namesAndValues) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    @Test
    void nothingChosenShowsTheFirstPageOfEverything() {
        AuditQuery query = AuditQuery.read(params(), 50);

        assertThat(query.isValid()).isTrue();
        assertThat(query.actor()).isNull();
        assertThat(query.action()).isNull();
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(50);
    }

    @Test
    void anActorAndAnActionFilterInAnyCase() {
        AuditQuery query = AuditQuery.read(params("actor", " Officer ", "action", "viewed", "page", "2", "size", "10"), 50);

        assertThat(query.isValid()).isTrue();
        assertThat(query.actor()).isEqualTo("officer");
        assertThat(query.action()).isEqualTo(AuditAction.VIEWED);
        assertThat(query.pageHref("/admin/audit", 3)).isEqualTo("/admin/audit?actor=officer&action=VIEWED&page=3");
    }

    @Test
    void eachBadFieldIsNamed() {
        AuditQuery query = AuditQuery.read(params("actor", "<script>", "action", "DANCED", "page", "-1", "size", "1000"), 50);

        assertThat(query.isValid()).isFalse();
        assertThat(query.errors()).extracting(AuditQuery.FieldError::field).containsExactly("actor", "action", "page", "size");
        assertThat(query.errors()).extracting(AuditQuery.FieldError::message).noneMatch(message -> message.contains("<script>"));
    }

    @Test
    void aPageThatIsNotANumberIsAnError() {
        assertThat(AuditQuery.read(params("page", "two"), 50).errors()).extracting(AuditQuery.FieldError::field).containsExactly("page");
    }
}
