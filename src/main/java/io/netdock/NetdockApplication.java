package io.netdock;

import io.netdock.settings.Settings;
import io.netdock.settings.SettingsHelp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NetdockApplication {

    public static void main(String[] args) {
        if (SettingsHelp.requested(args)) {
            System.out.print(SettingsHelp.render(Settings.load(NetdockApplication.class.getClassLoader())));
            return;
        }
        SpringApplication.run(NetdockApplication.class, args);
    }
}
