package org.survivorvoice.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.survivorvoice.SurvivorVoiceApplication;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentStatus;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.codebook.Theme;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.report.AggregateRebuild;
import org.survivorvoice.report.ReportScope;
import org.survivorvoice.report.ReportService;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Channel;
import org.survivorvoice.survey.InstrumentCatalogue;

/**
 * Report benchmark (not part of {@code mvn verify}): for each size, a fresh embedded store
 * (in-process engine) is filled with generated responses spread over 20 quarters, every agency,
 * rating, barrier and theme; the aggregates are rebuilt from them (timed); then the quarterly
 * report for four quarters is made 200 times (after 20 for warming up) and p50/p99 reported.
 * Generated responses are marked counted, so that the regular sweep leaves them to the rebuild,
 * which reads them all regardless.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.survivorvoice.benchmark.ReportBenchmark -Dexec.args="10000 100000 1000000"</pre>
 */
public final class ReportBenchmark {

    private static final String[] RATINGS = {"very_positive", "positive", "neutral", "negative", "very_negative", "no_experience"};
    private static final String[] TONES = {"very_positive", "positive", "neutral", "negative", "very_negative"};
    private static final List<String> AGENCIES = List.of("police", "courts", "civil-courts", "marac", "social-services", "housing", "gp",
            "maternity", "a-and-e", "mental-health", "specialist-service");
    private static final List<String> BARRIERS = List.of("not-knowing-where-to-go", "fear-of-repercussions", "fear-not-believed", "money",
            "housing", "language");

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "machine: %d processors, %s %s, max heap %d MB; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, Instant.now());
        System.out.println("responses | generate (s) | rebuild (s) | rebuild s per 100k | report p50 (ms) | report p99 (ms) | counts");
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int size) throws Exception {
        Path data = Files.createTempDirectory("sv-report-benchmark");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SurvivorVoiceApplication.class)
                .run("--sv.storage.engine=in-process", "--sv.storage.data-dir=" + data, "--sv.analysis.enabled=false", "--server.port=0",
                        "--sv.admin.password=benchmark-password-1234", "--logging.level.root=WARN", "--logging.level.org.survivorvoice=WARN")) {
            ReactiveMongoTemplate mongo = app.getBean(ReactiveMongoTemplate.class);
            List<String> themes = app.getBean(Codebook.class).themes().stream().map(Theme::id).toList();
            long started = System.nanoTime();
            generate(mongo, size, themes);
            double generated = seconds(started);

            AggregateRebuild rebuild = app.getBean(AggregateRebuild.class);
            started = System.nanoTime();
            rebuild.start().block(Duration.ofHours(2));
            double rebuilt = seconds(started);

            ReportService reports = app.getBean(ReportService.class);
            ReportScope everything = ReportScope.everything(app.getBean(InstrumentCatalogue.class).agencies(), themes);
            ReportService.Period period = ReportService.Period.parse("2019/20-Q1", "2019/20-Q4");
            for (int i = 0; i < 20; i++) {
                reports.quarterly(period, "all", everything).block();
            }
            long[] micros = new long[200];
            for (int i = 0; i < micros.length; i++) {
                long t = System.nanoTime();
                reports.quarterly(period, "all", everything).block();
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf(Locale.ROOT, "%,d | %.1f | %.1f | %.1f | %.2f | %.2f | %d%n", size, generated, rebuilt, rebuilt * 100_000 / size,
                    micros[micros.length / 2] / 1000.0, micros[micros.length * 99 / 100] / 1000.0, rebuild.progress().total());
        } finally {
            deleteQuietly(data);
        }
    }

    /** Responses over 20 quarters (2015/16 to 2019/20), 70% interviews; 30% carry one or two analysed comments. */
    private static void generate(ReactiveMongoTemplate mongo, int size, List<String> themes) {
        Random random = new Random(size);
        FinancialQuarter first = FinancialQuarter.parse("2015/16-Q1");
        List<Response> responses = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            FinancialQuarter quarter = first;
            for (int q = random.nextInt(20); q > 0; q--) {
                quarter = quarter.next();
            }
            boolean interview = random.nextInt(10) < 7;
            Map<String, Object> answers = new HashMap<>();
            for (String agency : AGENCIES) {
                if (interview || random.nextInt(3) == 0) {
                    answers.put(agency + "-rating", RATINGS[Math.min(5, random.nextInt(7))]);
                }
            }
            boolean barrier = random.nextBoolean();
            answers.put("barriers-any", barrier ? "yes" : "no");
            if (barrier) {
                answers.put("barriers", List.of(BARRIERS.get(random.nextInt(BARRIERS.size()))));
            }
            String id = UUID.randomUUID().toString();
            String day = quarter.firstDay().plusDays(random.nextInt(85)).toString();
            Channel channel = interview ? Channel.INTERVIEW : Channel.ANONYMOUS_FORM;
            int firstAgency = random.nextInt(AGENCIES.size());
            for (int c = random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0; c > 0; c--) {
                String agency = AGENCIES.get((firstAgency + c) % AGENCIES.size());
                String text = "Generated comment " + i + " about " + agency + ".";
                answers.put(agency + "-comment", text);
                String tone = TONES[random.nextInt(TONES.length)];
                List<String> tags = random.nextBoolean() ? List.of(themes.get(random.nextInt(themes.size()))) : List.of();
                comments.add(new Comment(id + "/" + agency + "-comment", id, interview ? "interview" : "feedback", channel, agency + "-comment",
                        agency, quarter.toString(), "comment", text, (String) answers.get(agency + "-rating"), null, CommentStatus.DONE, 1, null,
                        null, null, null, 1, null, null, new Comment.Labels(tone, tags, "machine"), null, false));
            }
            responses.add(new Response(id, interview ? "interview" : "feedback", 1, channel, day, quarter.toString(), "en",
                    interview ? "SV-" + size + "-" + i : null, interview ? "officer" : null, null, answers, true, true));
            if (responses.size() == 200 || i == size - 1) {
                mongo.insert(responses, Response.class).then().block();
                if (!comments.isEmpty()) {
                    mongo.insert(comments, Comment.class).then().block();
                }
                responses.clear();
                comments.clear();
            }
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory
        }
    }
}
