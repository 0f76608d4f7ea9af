package vn.tonghop.validate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One message bundle for the whole application, in the configured language (Vietnamese by default). */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

    @Bean
    Messages messages(@Value("${tonghop.language:vi}") String language) {
        return new Messages(language);
    }
}
