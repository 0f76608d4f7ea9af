package vn.tonghop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: {@code java -jar tonghop.jar <command>}; the command line lives in {@code cli/}. */
@SpringBootApplication
public class TonghopApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(TonghopApplication.class, args)));
    }
}
