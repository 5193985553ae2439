package org.survivorvoice.analysis.nlp;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of the project's analysis (on {@code threads} threads, as the service's workers run it)
 * against plain single-threaded CoreNLP sentiment, on the same comments in the same JVM, each after
 * a warm-up; and the heap the analysis holds. A benchmark, not a test: the figures depend on the
 * machine, so it reports them with the ratio measured in the same run.
 */
public final class AnalysisBenchmark {

    private AnalysisBenchmark() {
    }

    public static void run(NlpResources resources, int comments, int threads, PrintStream out) throws Exception {
        List<LabelledComment> corpus = resources.corpus();
        List<String> texts = corpus.stream().map(LabelledComment::text).limit(comments).toList();
        List<String> warmUp = corpus.stream().map(LabelledComment::text).skip(comments).limit(50).toList();

        AnalysisModel model = resources.trainer().train(corpus, "corpus " + corpus.size(), Clock.systemUTC());
        CommentAnalyser analyser = resources.analyser(model);
        warmUp.forEach(text -> analyser.analyse(text, null));
        System.gc();
        long heap = used();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                    try {
                        analyser.analyse(texts.get(i), null);
                    } catch (NotAnalysableException ignored) {
                        // counted like the others
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double ours = texts.size() / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();

        Baseline baseline = resources.baseline();
        warmUp.forEach(baseline::sentiment);
        start = System.nanoTime();
        texts.forEach(baseline::sentiment);
        double plain = texts.size() / ((System.nanoTime() - start) / 1e9);

        out.printf(Locale.ROOT, "machine: %d processors, %s %s, max heap %d MB; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, Instant.now());
        out.printf(Locale.ROOT, "comments: %d from the corpus (after %d for warming up)%n", texts.size(), warmUp.size());
        out.printf(Locale.ROOT, "project analysis, %d threads:          %8.1f comments/s%n", threads, ours);
        out.printf(Locale.ROOT, "plain CoreNLP sentiment, 1 thread:  %8.1f comments/s%n", plain);
        out.printf(Locale.ROOT, "ratio:                              %8.2f x%n", ours / plain);
        out.printf(Locale.ROOT, "heap in use with the analysis loaded (after GC): %d MB%n", heap >> 20);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
