package org.survivorvoice.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form that posts in a staff template includes the CSRF token partial, including forms that only
 * show with particular data (StaffSessionIT walks the pages that exist). The public templates are left
 * out: the public chain keeps no session, and the anonymous form has its own cookie-less protection.
 */
class StaffFormTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern POST_FORM = Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    @Test
    void everyPostingFormOfTheStaffTemplatesHasTheCsrfToken() throws IOException {
        List<String> forms = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mustache"))
                    .filter(f -> !TEMPLATES.relativize(f).startsWith("public")).toList()) {
                Matcher form = POST_FORM.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (form.find()) {
                    String where = TEMPLATES.relativize(file) + " at " + form.start();
                    forms.add(where);
                    assertThat(form.group(1)).as("the form in %s", where).contains("{{> layout/csrf}}");
                }
            }
        }
        assertThat(forms).as("posting forms found in the staff templates").hasSizeGreaterThan(15);
    }
}
