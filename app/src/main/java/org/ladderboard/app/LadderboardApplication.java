package org.ladderboard.app;

import org.ladderboard.app.database.EmbeddedPostgresStarter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class LadderboardApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(LadderboardApplication.class);
        // only the real entry point starts a database of its own; tests bring theirs
        app.addListeners(new EmbeddedPostgresStarter());
        app.run(args);
    }
}
