package vn.tonghop.export;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of the clerk's results ({@code tonghop.result.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResultWorkbookSettings.class)
class ResultConfig {
}
