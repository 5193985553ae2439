package org.survivorvoice.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.samskivert.mustache.Mustache;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The whole report as a PDF: the print template (the same table partials as the page) laid out
 * by openhtmltopdf, charts included. Layout is CPU work, so it runs off the event loop.
 */
@Component
class ReportPdf {

    private final Mustache.Compiler mustache;

    ReportPdf(Mustache.Compiler mustache) {
        this.mustache = mustache;
    }

    Mono<byte[]> render(Map<String, Object> model) {
        return Mono.fromCallable(() -> pdf(html(model))).subscribeOn(Schedulers.boundedElastic());
    }

    String html(Map<String, Object> model) {
        try {
            return mustache.loadTemplate("reports/print").execute(model);
        } catch (Exception e) {
            throw new IllegalStateException("the print template failed: " + e.getMessage(), e);
        }
    }

    static byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
