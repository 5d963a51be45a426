package io.collectionsledger.ledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} in the place of Tomcat's error report (Spring Boot's, and the one
 * the host would add itself on start). Ordered last, so that Spring Boot's own valve is already there
 * to take out. Spring Boot's error page and controller are not configured (LedgerApplication), so
 * every error that reaches Tomcat without a body is reported here.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ServerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectProvider<ObjectMapper> mapper;
    private final Endpoints endpoints;

    ServerErrors(ObjectProvider<ObjectMapper> mapper, Endpoints endpoints) {
        this.mapper = mapper;
        this.endpoints = endpoints;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve(mapper::getObject, endpoints));
        });
    }
}
