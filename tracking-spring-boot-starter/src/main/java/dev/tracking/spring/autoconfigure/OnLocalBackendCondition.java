package dev.tracking.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when neither {@code tracking.lotus.api-key} nor {@code tracking.outlit.public-key} has text. */
class OnLocalBackendCondition extends SpringBootCondition {

    static final String LOTUS_KEY = "tracking.lotus.api-key";
    static final String OUTLIT_KEY = "tracking.outlit.public-key";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        if (StringUtils.hasText(environment.getProperty(LOTUS_KEY))) {
            return ConditionOutcome.noMatch(LOTUS_KEY + " is set");
        }
        if (StringUtils.hasText(environment.getProperty(OUTLIT_KEY))) {
            return ConditionOutcome.noMatch(OUTLIT_KEY + " is set");
        }
        return ConditionOutcome.match("neither " + LOTUS_KEY + " nor " + OUTLIT_KEY + " is set");
    }
}
