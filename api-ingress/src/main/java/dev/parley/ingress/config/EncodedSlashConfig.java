package dev.parley.ingress.config;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat refuses an encoded '/' (%2F) in a path by default; model ids contain '/', and clients encode them in a
 * path segment. Decoded, the servlet path stays free of '%' (which the security firewall refuses as a sign of
 * double encoding) and is checked for traversal by that firewall; Spring MVC matches the raw request URI, so the
 * encoded slash stays inside the one path variable it belongs to.
 */
@Configuration
class EncodedSlashConfig {

    @Bean
    TomcatConnectorCustomizer encodedSlashesDecoded() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue());
    }
}
