package org.survivorvoice.importing;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.survivorvoice.web.LargeBodyRoute;

/** What uploads need: a larger body on the import addresses only, and uploads kept in memory. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /** Room for the form's other fields and the multipart framing around the file. */
    static final long FORM_OVERHEAD_BYTES = 64 * 1024;

    /** A file, an action and a CSRF token; a few more are tolerated. */
    static final int MAX_PARTS = 8;

    @Bean
    LargeBodyRoute importUploadPage(ImportProperties properties) {
        return LargeBodyRoute.of(ImportController.PATH, properties.maxFileSize().toBytes() + FORM_OVERHEAD_BYTES,
                tooLarge(properties));
    }

    @Bean
    LargeBodyRoute importApi(ImportProperties properties) {
        return LargeBodyRoute.of(ImportApiController.PATH, properties.maxFileSize().toBytes(), tooLarge(properties));
    }

    static String tooLarge(ImportProperties properties) {
        return "The file is larger than " + properties.maxFileSizeText() + ". Split it into smaller files. Nothing was imported.";
    }

    /**
     * Multipart uploads are read into memory up to the import's limit, never into temporary files:
     * the file holds survivors' answers. (By default, parts over the 64 KB codec limit go to disk.)
     */
    @Bean
    CodecCustomizer inMemoryMultipart(ImportProperties properties) {
        int limit = Math.toIntExact(properties.maxFileSize().toBytes() + FORM_OVERHEAD_BYTES);
        return configurer -> configurer.defaultCodecs().multipartReader(new MultipartHttpMessageReader(new InMemoryPartReader(limit)));
    }

    /**
     * Holds each part in memory up to {@code limit} bytes; a larger part is refused (it cannot be
     * written to disk). Ignores the codecs' general in-memory size, which would otherwise replace
     * the limit when the reader is registered.
     */
    static final class InMemoryPartReader extends DefaultPartHttpMessageReader {

        InMemoryPartReader(int limit) {
            super.setMaxInMemorySize(limit);
            setMaxDiskUsagePerPart(0);
            setMaxParts(MAX_PARTS);
        }

        @Override
        public void setMaxInMemorySize(int ignored) {
            // The limit is the one given to the constructor.
        }
    }
}
