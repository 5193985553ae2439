package org.survivorvoice.response;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CrossSitePostsTest {

    @ParameterizedTest(name = "Sec-Fetch-Site {0}, Origin {1} -> cross-site {2}")
    @CsvSource(nullValues = "-", value = {
            // our own page, and a form opened from a bookmark or the address bar
            "same-origin, https://survey.example, false",
            "none, -, false",
            "SAME-ORIGIN, -, false",
            // another site, a sibling subdomain, a cross-site iframe
            "cross-site, https://evil.example, true",
            "same-site, https://other.survey.example, true",
            "cross-site, null, true",
            "cross-site, -, true",
            "nonsense, -, true",
            // browsers without Sec-Fetch-Site: the Origin decides
            "-, https://survey.example, false",
            "-, https://evil.example, true",
            "-, https://survey.example.evil.example, true",
            "-, https://survey.example:8443, true",
            "-, http://survey.example, true",
            "-, null, false",
            "-, -, false",
            "-, not a url, true",
            "-, file:///etc, true",
            // a browser that sends both: both must agree
            "same-origin, https://evil.example, true"})
    void crossSitePostsAreRecognised(String fetchSite, String origin, boolean crossSite) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("https://survey.example/f/feedback");
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        assertThat(CrossSitePosts.isCrossSite(request.build())).isEqualTo(crossSite);
    }

    @ParameterizedTest(name = "{0} posting to {1} -> own {2}")
    @CsvSource({
            "http://localhost:8080, http://localhost:8080/f/feedback, true",
            "http://LOCALHOST:8080, http://localhost:8080/f/feedback, true",
            "http://localhost:8081, http://localhost:8080/f/feedback, false",
            "http://localhost, http://localhost:80/f/feedback, true",
            // TLS ended by a proxy that passes the public Host on
            "https://survey.example, http://survey.example/f/feedback, true",
            "https://survey.example:8443, http://survey.example/f/feedback, false",
            // a page served over plain HTTP posting to the HTTPS site
            "http://survey.example, https://survey.example/f/feedback, false"})
    void theOriginMustNameThisServer(String origin, String request, boolean own) {
        assertThat(CrossSitePosts.isOwnOrigin(origin, URI.create(request))).isEqualTo(own);
    }
}
