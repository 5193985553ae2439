package org.survivorvoice;

/**
 * The encryption keys of the integration tests' application ({@link IntegrationTest}): every
 * integration test runs with free text encrypted. Test keys only, made for this purpose.
 */
public final class TestKeys {

    /** The key new values are encrypted with. */
    public static final String CURRENT = "it-new";
    public static final String CURRENT_KEY = "i0/svC7Am0/hSMHPPd9bM5ooZur47OgZwgqTlzlhqyw=";
    /** An older key, still configured so that values encrypted with it can be read and re-encrypted. */
    public static final String OLDER = "it-old";
    public static final String OLDER_KEY = "JX5TpquQ5KeUjhX5mgSjabi5Q1FbODe++IGAOtVstt4=";

    private TestKeys() {
    }
}
