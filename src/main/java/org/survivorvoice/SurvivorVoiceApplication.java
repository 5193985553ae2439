package org.survivorvoice;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.survivorvoice.analysis.nlp.AnalysisCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Survivor Voice: survivors' feedback on the agencies they met, recorded, analysed and reported safely. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SurvivorVoiceApplication {

    /** Days and quarters are UK days: a form sent at 00:30 in London belongs to that London day. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }

    public static void main(String[] args) {
        if (AnalysisCommandLine.handles(args)) {
            // evaluate / analyse / cross-validate: no web server, no database
            System.exit(AnalysisCommandLine.run(args, System.out, System.err));
        }
        if (org.survivorvoice.backup.DataCommandLine.handles(args)) {
            // export FILE / restore FILE: the configured storage only, no web server, nothing of the service
            System.exit(org.survivorvoice.backup.DataCommandLine.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("retrain")) {
            // retrain: needs the database, not the web server (RetrainCommand does the work and exits)
            new org.springframework.boot.builder.SpringApplicationBuilder(SurvivorVoiceApplication.class)
                    .web(org.springframework.boot.WebApplicationType.NONE).run(args);
            return;
        }
        SpringApplication.run(SurvivorVoiceApplication.class, args);
    }
}
