package org.survivorvoice.analysis;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar survivor-voice.jar retrain}: the administrator's "Retrain" from the command line.
 * Starts without a web server, waits for the analysis, retrains, prints the before/after
 * evaluation and exits (0 when a new model is in use, 1 when the current model stays, 2 on failure).
 * With the embedded database, stop the running service first (it holds the data directory).
 */
@Component
class RetrainCommand implements ApplicationRunner {

    static final String COMMAND = "retrain";
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);

    private final AnalysisEngine engine;
    private final Retraining retraining;
    private final ConfigurableApplicationContext context;

    RetrainCommand(AnalysisEngine engine, Retraining retraining, ConfigurableApplicationContext context) {
        this.engine = engine;
        this.retraining = retraining;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!engine.isReady() && !"failed".equals(engine.status().state()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        int code;
        if (!engine.isReady()) {
            System.err.println("The analysis did not start: " + engine.status().detail());
            code = 2;
        } else {
            Retraining.Outcome outcome = retraining.run("command line");
            System.out.println(outcome.report());
            code = "failed".equals(outcome.state()) ? 2 : outcome.replaced() ? 0 : 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
