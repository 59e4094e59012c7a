package dev.tracking.spring.aop;

import java.util.ArrayList;
import java.util.List;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;

/**
 * Moves the tracking advisors in front of {@code @Async}'s advisor on every proxy that has both, so that an
 * {@code @Async} method is gated and tracked on the caller's thread, with the caller's identity, before the call
 * is handed to the executor. Spring puts the {@code @Async} advisor first on a proxy; only the tracking advisors
 * move, every other advisor keeps its place.
 *
 * <p>Not {@code Ordered}, so that it runs after Spring's {@code AsyncAnnotationBeanPostProcessor}.
 */
public class AsyncAdvisorOrdering implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Advised advised && !advised.isFrozen()) {
            reorder(advised);
        }
        return bean;
    }

    static void reorder(Advised advised) {
        Advisor[] advisors = advised.getAdvisors();
        int async = -1;
        List<Advisor> tracking = new ArrayList<>();
        for (int i = 0; i < advisors.length; i++) {
            if (async < 0 && advisors[i] instanceof AsyncAnnotationAdvisor) {
                async = i;
            }
            else if (async >= 0 && advisors[i] instanceof TrackingAdvisor) {
                tracking.add(advisors[i]);
            }
        }
        if (tracking.isEmpty()) {
            return;
        }
        tracking.forEach(advised::removeAdvisor);
        for (int i = 0; i < tracking.size(); i++) {
            advised.addAdvisor(async + i, tracking.get(i));
        }
    }
}
