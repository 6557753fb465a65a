package io.netdock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NetdockApplication {

    public static void main(String[] args) {
        SpringApplication.run(NetdockApplication.class, args);
    }
}
