package dev.tracking.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the local backend should answer: no Lotus API key, and either no Outlit public key or plans or
 * customers configured under {@code tracking.local} (then it answers access checks and billing beside Outlit).
 */
class OnLocalBackendCondition extends SpringBootCondition {

    static final String LOTUS_KEY = "tracking.lotus.api-key";
    static final String OUTLIT_KEY = "tracking.outlit.public-key";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        if (StringUtils.hasText(environment.getProperty(LOTUS_KEY))) {
            return ConditionOutcome.noMatch(LOTUS_KEY + " is set");
        }
        if (!StringUtils.hasText(environment.getProperty(OUTLIT_KEY))) {
            return ConditionOutcome.match("neither " + LOTUS_KEY + " nor " + OUTLIT_KEY + " is set");
        }
        LocalProperties local = Binder.get(environment).bind("tracking.local", LocalProperties.class)
                .orElseGet(LocalProperties::new);
        if (local.getPlans().isEmpty() && local.getCustomers().isEmpty()) {
            return ConditionOutcome.noMatch(OUTLIT_KEY + " is set and tracking.local has no plans or customers");
        }
        return ConditionOutcome.match(OUTLIT_KEY + " is set and tracking.local has plans or customers");
    }
}
