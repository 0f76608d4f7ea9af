package vn.tonghop.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test on the real application and a real PostgreSQL: a fresh embedded PostgreSQL 15 per test JVM
 * (never the operator's server, whatever SPRING_DATASOURCE_URL says), the command line not started,
 * no progress lines.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=",
        "tonghop.embedded.data-dir=",
        "tonghop.cli.enabled=false",
        "tonghop.progress.interval-seconds=0",
        "logging.file.name=target/test-logs/tonghop.log"})
public @interface TonghopSpringTest {
}
